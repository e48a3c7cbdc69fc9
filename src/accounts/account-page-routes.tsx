import type { AccountRouteOptions } from './route-options.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listSessions, SESSION_COOKIE } from '../platform/auth/sessions.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { qrDataUrl } from '../platform/views/qr.ts';
import { getUnit } from '../units/list-units.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';
import { authorize } from './policy.ts';
import { endOtherSession, signOutEverywhere } from './sign-out.ts';
import { totpField } from './inputs.ts';
import { confirmTotpSetup, startTotpSetup } from './totp.ts';
import { AccountPage, TotpSetupPage } from './views/account-page.tsx';
import { csrfField, requiredText } from '../platform/http/fields.ts';

/** The account page: who you are, your devices and sessions, your API tokens, and setting up the second factor. */
export function registerAccountPageRoutes(fastify: FastifyInstance, opts: AccountRouteOptions): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  const accountPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { newToken?: string; notice?: string; errors?: Record<string, string>; status?: number } = {},
  ) => {
    const actor = requireActor(req);
    const tokens = await listApiTokens(db(), actor.id);
    const sessions = await listSessions(db(), actor.id, req.sessionToken);
    const unitName = actor.unitCode ? (await getUnit(db(), actor.unitCode).catch(() => undefined))?.name : undefined;
    return reply.page(
      <AccountPage
        ctx={reply.ctx()}
        tokens={tokens}
        sessions={sessions}
        tokenDays={config.apiTokenDays}
        newToken={extra.newToken}
        notice={extra.notice}
        unitName={unitName}
        state={{ errors: extra.errors }}
      />,
      extra.status,
    );
  };
  app.get(
    '/account',
    { schema: { hide: true, querystring: z.object({ ended: z.literal('1').optional() }) } },
    (req, reply) => accountPage(req, reply, { notice: req.query.ended ? req.t('account.sessionEnded') : undefined }),
  );
  app.post(
    '/account/tokens',
    {
      schema: {
        hide: true,
        body: z.object({ ...csrfField, name: requiredText(80) }),
      },
      config: {
        ...opts.authLimit,
        errorPage: (req, reply, error, fields) =>
          accountPage(req, reply, { errors: formErrors(req.t, error, fields), status: error.status }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'token.create');
      const { token } = await db().transaction((tx) =>
        createApiToken(tx, callerOf(req, actor), actor.id, req.body.name, config.apiTokenDays),
      );
      return accountPage(req, reply, { newToken: token });
    },
  );
  app.post(
    '/account/tokens/:id/revoke',
    { schema: { hide: true, params: z.object({ id: z.uuid() }), body: z.object(csrfField) } },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) => revokeApiToken(tx, callerOf(req, actor), actor.id, req.params.id));
      return reply.redirect('/account', 303);
    },
  );
  app.post(
    '/account/sessions/:id/end',
    { schema: { hide: true, params: z.object({ id: z.string().max(40) }), body: z.object(csrfField) } },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) => endOtherSession(tx, callerOf(req, actor), actor.id, req.params.id));
      return reply.redirect('/account?ended=1', 303);
    },
  );
  app.post(
    '/account/sign-out-everywhere',
    { schema: { hide: true, body: z.object(csrfField) } },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) => signOutEverywhere(tx, callerOf(req, actor), actor.id));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/login', 303);
    },
  );

  // Reachable by an officer who has not set up TOTP yet: that is where requireActor sends them.
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
      schema: { hide: true, body: z.object({ ...csrfField, code: totpField }) },
      config: {
        ...opts.authLimit,
        errorPage: (req, reply, error, fields) => totpPage(req, reply, formErrors(req.t, error, fields), error.status),
      },
    },
    async (req, reply) => {
      const actor = totpActor(req);
      if (!req.sessionToken) throw new AppError('unauthenticated');
      const rotated = await db().transaction((tx) =>
        confirmTotpSetup(tx, callerOf(req, actor), actor.id, req.body.code, req.sessionToken!),
      );
      opts.setSessionCookie(reply, rotated);
      return reply.redirect('/officer', 303);
    },
  );
}
