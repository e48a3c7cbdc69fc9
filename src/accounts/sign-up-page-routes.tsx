import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../platform/auth/sessions.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField, formText } from '../platform/http/fields.ts';
import { callerOf } from '../platform/http/guards.ts';
import { emailField, nameField, newPasswordField } from './inputs.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { registerCitizen } from './register-citizen.ts';
import type { AccountRouteOptions } from './route-options.ts';
import { verifyEmail } from './verify-email.ts';
import { ForgotPasswordPage, MessagePage, ResetPasswordPage, SignupPage } from './views/auth-pages.tsx';

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Signing up with the address's verification, and a forgotten password: what comes before any session. */
export function registerSignUpPages(
  fastify: FastifyInstance,
  { authLimit }: Pick<AccountRouteOptions, 'authLimit'>,
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.get('/signup', { schema: { hide: true } }, async (_req, reply) =>
    reply.page(<SignupPage ctx={reply.ctx()} state={{}} />),
  );
  app.post(
    '/signup',
    {
      schema: {
        hide: true,
        body: z.object({ ...csrfField, name: nameField, email: emailField, password: newPasswordField }),
      },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) =>
          reply.page(
            <SignupPage ctx={reply.ctx()} state={{ values: values(req), errors: formErrors(req.t, error, fields) }} />,
            error.status,
          ),
      },
    },
    async (req, reply) => {
      await db().transaction((tx) =>
        registerCitizen(tx, callerOf(req), { ...req.body, lang: req.lang }, config.publicUrl),
      );
      return reply.page(
        <MessagePage
          ctx={reply.ctx()}
          title={req.t('signup.sentTitle')}
          message={req.t('signup.sent', { email: req.body.email })}
        />,
      );
    },
  );

  app.get(
    '/verify',
    { schema: { hide: true, querystring: z.object({ token: z.string().min(1).max(200) }) } },
    async (req, reply) => {
      await db().transaction((tx) => verifyEmail(tx, callerOf(req), req.query.token));
      return reply.page(
        <MessagePage
          ctx={reply.ctx()}
          title={req.t('verify.title')}
          message={req.t('verify.done')}
          link={{ href: '/login', text: req.t('nav.login') }}
        />,
      );
    },
  );

  app.get('/password/forgot', { schema: { hide: true } }, async (_req, reply) =>
    reply.page(<ForgotPasswordPage ctx={reply.ctx()} state={{}} />),
  );
  app.post(
    '/password/forgot',
    {
      schema: { hide: true, body: z.object({ ...csrfField, email: emailField }) },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) =>
          reply.page(
            <ForgotPasswordPage
              ctx={reply.ctx()}
              state={{ values: values(req), errors: formErrors(req.t, error, fields) }}
            />,
            error.status,
          ),
      },
    },
    async (req, reply) => {
      await db().transaction((tx) => requestPasswordReset(tx, callerOf(req, null), req.body.email, config.publicUrl));
      return reply.page(
        <MessagePage ctx={reply.ctx()} title={req.t('forgot.sentTitle')} message={req.t('forgot.sent')} />,
      );
    },
  );
  app.get(
    '/password/reset',
    { schema: { hide: true, querystring: z.object({ token: z.string().min(1).max(200) }) } },
    async (req, reply) => reply.page(<ResetPasswordPage ctx={reply.ctx()} state={{}} token={req.query.token} />),
  );
  app.post(
    '/password/reset',
    {
      schema: {
        hide: true,
        body: z.object({ ...csrfField, token: z.string().min(1).max(200), password: newPasswordField }),
      },
      config: {
        ...authLimit,
        errorPage: (req, reply, error, fields) =>
          reply.page(
            <ResetPasswordPage
              ctx={reply.ctx()}
              token={formText(values(req).token)}
              state={{ errors: formErrors(req.t, error, fields) }}
            />,
            error.status,
          ),
      },
    },
    async (req, reply) => {
      await db().transaction((tx) => resetPassword(tx, callerOf(req), req.body.token, req.body.password));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.page(
        <MessagePage
          ctx={reply.ctx()}
          title={req.t('reset.doneTitle')}
          message={req.t('reset.done')}
          link={{ href: '/login', text: req.t('nav.login') }}
        />,
      );
    },
  );
}
