import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { qrDataUrl } from '../platform/views/qr.ts';
import { z } from 'zod';
import { SESSION_COOKIE } from '../platform/auth/sessions.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { getUnit } from '../units/list-units.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { authenticate } from './authenticate.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { authorize } from './policy.ts';
import { registerCitizen } from './register-citizen.ts';
import { emailField, nameField, newPasswordField, passwordField, totpField } from './schemas.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { confirmTotpSetup, passTotpChallenge, startTotpSetup } from './totp.ts';
import { verifyEmail } from './verify-email.ts';
import { nextPath } from '../platform/http/next-path.ts';
import { registerAccountApi } from './api-routes.ts';
import { AccountPage, TotpSetupPage } from './views/account-page.tsx';
import { ForgotPasswordPage, LoginPage, MessagePage, ResetPasswordPage, SignupPage, TotpChallengePage } from './views/auth-pages.tsx';

const csrf = { _csrf: z.string().optional() };
const NextQuery = z.object({ next: z.string().max(500).optional() });
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

export function registerAccountRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const lockout = { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes };
  const authLimit = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: 60_000 } };
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: config.sessionDays * 86_400 });

  app.get('/signup', { schema: { hide: true } }, async (_req, reply) => reply.page(<SignupPage ctx={reply.ctx()} state={{}} />));
  app.post(
    '/signup',
    {
      schema: { hide: true, body: z.object({ ...csrf, name: nameField, email: emailField, password: newPasswordField }) },
      config: { ...authLimit, errorPage: (req, reply, error, fields) => reply.page(<SignupPage ctx={reply.ctx()} state={{ values: values(req), errors: formErrors(req.t, error, fields) }} />, error.status) },
    },
    async (req, reply) => {
      await db().transaction((tx) => registerCitizen(tx, callerOf(req), { ...req.body, lang: req.lang }, config.publicUrl));
      return reply.page(<MessagePage ctx={reply.ctx()} title={req.t('signup.sentTitle')} message={req.t('signup.sent', { email: req.body.email })} />);
    },
  );

  app.get('/verify', { schema: { hide: true, querystring: z.object({ token: z.string().min(1).max(200) }) } }, async (req, reply) => {
    await db().transaction((tx) => verifyEmail(tx, callerOf(req), req.query.token));
    return reply.page(<MessagePage ctx={reply.ctx()} title={req.t('verify.title')} message={req.t('verify.done')} link={{ href: '/login', text: req.t('nav.login') }} />);
  });

  app.get('/login', { schema: { hide: true, querystring: NextQuery } }, async (req, reply) =>
    reply.page(<LoginPage ctx={reply.ctx()} state={{}} next={nextPath(req.query.next)} />),
  );
  app.post(
    '/login',
    {
      schema: { hide: true, querystring: NextQuery, body: z.object({ ...csrf, email: emailField, password: passwordField }) },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) =>
          reply.page(<LoginPage ctx={reply.ctx()} next={nextPath((req.query as { next?: string }).next)} state={{ values: values(req), errors: formErrors(req.t, error, fields) }} />, error.status),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, null);
      const account = await authenticate(db(), caller, req.body, lockout);
      const signed = await db().transaction((tx) => signIn(tx, caller, account, config.sessionDays));
      setSessionCookie(reply, signed.sessionToken);
      const next = nextPath(req.query.next);
      if (signed.next === 'totp') return reply.redirect(`/login/totp?next=${encodeURIComponent(next)}`, 303);
      if (signed.next === 'totp_setup') return reply.redirect('/account/totp', 303);
      return reply.redirect(next === '/' && account.kind === 'officer' ? '/officer' : next, 303);
    },
  );

  const pendingActor = (req: FastifyRequest) => {
    if (!req.actor || !req.sessionToken) throw new AppError('unauthenticated');
    return req.actor;
  };
  app.get('/login/totp', { schema: { hide: true, querystring: NextQuery } }, async (req, reply) => {
    pendingActor(req);
    return reply.page(<TotpChallengePage ctx={reply.ctx()} state={{}} next={nextPath(req.query.next)} />);
  });
  app.post(
    '/login/totp',
    {
      schema: { hide: true, querystring: NextQuery, body: z.object({ ...csrf, code: totpField }) },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) => {
          pendingActor(req); // Without a pending sign-in there is no form to show again: sign in first.
          return reply.page(<TotpChallengePage ctx={reply.ctx()} next={nextPath((req.query as { next?: string }).next)} state={{ errors: formErrors(req.t, error, fields) }} />, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = pendingActor(req);
      await passTotpChallenge(db(), callerOf(req, actor), actor.id, req.body.code, req.sessionToken!, lockout);
      const next = nextPath(req.query.next);
      return reply.redirect(next === '/' ? '/officer' : next, 303);
    },
  );

  app.post('/logout', { schema: { hide: true, body: z.object(csrf) } }, async (req, reply) => {
    if (req.sessionToken) await db().transaction((tx) => signOut(tx, callerOf(req, req.actor), req.sessionToken!));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  app.get('/password/forgot', { schema: { hide: true } }, async (_req, reply) => reply.page(<ForgotPasswordPage ctx={reply.ctx()} state={{}} />));
  app.post(
    '/password/forgot',
    {
      schema: { hide: true, body: z.object({ ...csrf, email: emailField }) },
      config: { ...authLimit, errorPage: (req, reply, error, fields) => reply.page(<ForgotPasswordPage ctx={reply.ctx()} state={{ values: values(req), errors: formErrors(req.t, error, fields) }} />, error.status) },
    },
    async (req, reply) => {
      await db().transaction((tx) => requestPasswordReset(tx, callerOf(req, null), req.body.email, config.publicUrl));
      return reply.page(<MessagePage ctx={reply.ctx()} title={req.t('forgot.sentTitle')} message={req.t('forgot.sent')} />);
    },
  );
  app.get('/password/reset', { schema: { hide: true, querystring: z.object({ token: z.string().min(1).max(200) }) } }, async (req, reply) =>
    reply.page(<ResetPasswordPage ctx={reply.ctx()} state={{}} token={req.query.token} />),
  );
  app.post(
    '/password/reset',
    {
      schema: { hide: true, body: z.object({ ...csrf, token: z.string().min(1).max(200), password: newPasswordField }) },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) =>
          reply.page(<ResetPasswordPage ctx={reply.ctx()} token={String(values(req).token ?? '')} state={{ errors: formErrors(req.t, error, fields) }} />, error.status),
      },
    },
    async (req, reply) => {
      await db().transaction((tx) => resetPassword(tx, callerOf(req), req.body.token, req.body.password));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.page(<MessagePage ctx={reply.ctx()} title={req.t('reset.doneTitle')} message={req.t('reset.done')} link={{ href: '/login', text: req.t('nav.login') }} />);
    },
  );

  const accountPage = async (req: FastifyRequest, reply: FastifyReply, extra: { newToken?: string; errors?: Record<string, string>; status?: number } = {}) => {
    const actor = requireActor(req);
    const tokens = await listApiTokens(db(), actor.id);
    const unitName = actor.unitCode ? (await getUnit(db(), actor.unitCode).catch(() => undefined))?.name : undefined;
    return reply.page(<AccountPage ctx={reply.ctx()} tokens={tokens} newToken={extra.newToken} unitName={unitName} state={{ errors: extra.errors }} />, extra.status);
  };
  app.get('/account', { schema: { hide: true } }, (req, reply) => accountPage(req, reply));
  app.post(
    '/account/tokens',
    {
      schema: { hide: true, body: z.object({ ...csrf, name: z.string().trim().min(1, 'v.required').max(80, 'v.tooLong') }) },
      config: { ...authLimit, errorPage: (req, reply, error, fields) => accountPage(req, reply, { errors: formErrors(req.t, error, fields), status: error.status }) },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'token.create');
      const { token } = await db().transaction((tx) => createApiToken(tx, callerOf(req, actor), actor.id, req.body.name));
      return accountPage(req, reply, { newToken: token });
    },
  );
  app.post('/account/tokens/:id/revoke', { schema: { hide: true, params: z.object({ id: z.uuid() }), body: z.object(csrf) } }, async (req, reply) => {
    const actor = requireActor(req);
    await db().transaction((tx) => revokeApiToken(tx, callerOf(req, actor), actor.id, req.params.id));
    return reply.redirect('/account', 303);
  });

  // Reachable by an admin who has not set up TOTP yet: that is where requireActor sends them.
  const totpActor = (req: FastifyRequest) => {
    const actor = req.actor;
    if (!actor || !actor.mfaPassed) throw new AppError('unauthenticated');
    authorize(actor, 'totp.setup');
    return actor;
  };
  const totpPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, status = 200) => {
    const actor = totpActor(req);
    const { secret, uri } = await db().transaction((tx) => startTotpSetup(tx, callerOf(req, actor), actor.id));
    const qr = await qrDataUrl(uri, 200);
    return reply.page(<TotpSetupPage ctx={reply.ctx()} secret={secret} qr={qr} state={{ errors }} />, status);
  };
  app.get('/account/totp', { schema: { hide: true } }, (req, reply) => totpPage(req, reply));
  app.post(
    '/account/totp',
    {
      schema: { hide: true, body: z.object({ ...csrf, code: totpField }) },
      config: { ...authLimit, errorPage: (req, reply, error, fields) => totpPage(req, reply, formErrors(req.t, error, fields), error.status) },
    },
    async (req, reply) => {
      const actor = totpActor(req);
      await db().transaction((tx) => confirmTotpSetup(tx, callerOf(req, actor), actor.id, req.body.code, req.sessionToken));
      return reply.redirect('/officer', 303);
    },
  );

  registerAccountApi(app, { lockout, authLimit });
}
