import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../platform/auth/sessions.ts';
import { serverSecret } from '../platform/db/secrets.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import { nextPath } from '../platform/http/next-path.ts';
import { proofAssets } from '../platform/proof/assets.ts';
import { FormProof } from '../platform/proof/form-proof.ts';
import type { AccountRouteOptions } from './route-options.ts';
import { authenticate } from './authenticate.ts';
import { emailField, passwordField, totpField } from './inputs.ts';
import { signIn } from './sign-in.ts';
import { signInNeedsProof, signInProofSettings, signInProofSubject } from './sign-in-throttle.ts';
import { signOut } from './sign-out.ts';
import { passTotpChallenge } from './totp.ts';
import { LoginPage, TotpChallengePage } from './views/auth-pages.tsx';
import { csrfField, formText } from '../platform/http/fields.ts';

const NextQuery = z.object({ next: z.string().max(500).optional(), ended: z.literal('1').optional() });
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Signing in and out and the second factor: a session's start and end. */
export async function registerSignInPages(
  fastify: FastifyInstance,
  { authLimit, setSessionCookie }: AccountRouteOptions,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const throttle = config.signInThrottle;
  const proof = new FormProof(db, await serverSecret(db(), 'sign-in-proof'), signInProofSettings, 'login.proof');

  /** The sign-in form; for an address under attack with a proof of work, keeping a token whose wait already ran. */
  const loginPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: { values?: Record<string, unknown>; errors?: Record<string, string> },
    status = 200,
    proofFor?: { email: string; keep?: string },
  ) => {
    const query = req.query as z.infer<typeof NextQuery>;
    const issued = proofFor ? await proof.issue(signInProofSubject(proofFor.email), proofFor.keep) : undefined;
    const withProof = issued && {
      form: { token: issued.token, challenge: JSON.stringify(issued.challenge), readyAt: issued.readyAt },
      assets: proofAssets(),
      minSeconds: signInProofSettings.formMinSeconds,
    };
    const notice = query.ended ? req.t('login.ended', { minutes: config.officerIdleMinutes }) : undefined;
    return reply.page(
      <LoginPage ctx={reply.ctx()} next={nextPath(query.next)} state={state} proof={withProof} notice={notice} />,
      status,
    );
  };
  app.get('/login', { schema: { hide: true, querystring: NextQuery } }, (req, reply) => loginPage(req, reply, {}));
  app.post(
    '/login',
    {
      schema: {
        hide: true,
        querystring: NextQuery,
        body: z.object({
          ...csrfField,
          email: emailField,
          password: passwordField,
          formToken: z.string().max(300).optional(),
          altcha: z.string().max(20_000).optional(),
        }),
      },
      config: {
        ...authLimit,
        errorPage: async (req, reply, error, fields) => {
          const body = values(req);
          const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
          // While the address needs a proof the form asks for it: a fresh one, or the same token while its wait runs.
          const asksProof = !!fields.proof || (email !== '' && (await signInNeedsProof(db(), email, throttle)));
          const proofFor = asksProof
            ? { email, keep: proof.isWaitRefusal(error.fields?.proof) ? formText(body.formToken) : undefined }
            : undefined;
          return loginPage(
            req,
            reply,
            { values: { email: body.email }, errors: formErrors(req.t, error, fields) },
            error.status,
            proofFor,
          );
        },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, null);
      const { formToken, altcha } = req.body;
      const account = await authenticate(db(), caller, req.body, throttle, async (subject) => {
        if (!formToken) throw new AppError('validation_failed', { proof: 'login.proof.required' });
        await proof.check({ token: formToken, altcha, subject });
      });
      const signed = await db().transaction((tx) =>
        signIn(tx, caller, account, config.sessionDays, req.headers['user-agent']),
      );
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
      schema: { hide: true, querystring: NextQuery, body: z.object({ ...csrfField, code: totpField }) },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) => {
          pendingActor(req); // Without a pending sign-in there is no form to show again: sign in first.
          return reply.page(
            <TotpChallengePage
              ctx={reply.ctx()}
              next={nextPath((req.query as { next?: string }).next)}
              state={{ errors: formErrors(req.t, error, fields) }}
            />,
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const actor = pendingActor(req);
      const rotated = await passTotpChallenge(
        db(),
        callerOf(req, actor),
        actor.id,
        req.body.code,
        req.sessionToken!,
        throttle,
      );
      setSessionCookie(reply, rotated);
      const next = nextPath(req.query.next);
      return reply.redirect(next === '/' ? '/officer' : next, 303);
    },
  );

  app.post('/logout', { schema: { hide: true, body: z.object(csrfField) } }, async (req, reply) => {
    if (req.sessionToken) await db().transaction((tx) => signOut(tx, callerOf(req, req.actor), req.sessionToken!));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });
}
