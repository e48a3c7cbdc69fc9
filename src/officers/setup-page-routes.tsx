import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailField, nameField, newPasswordField } from '../accounts/inputs.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import { createFirstAdmin, setupTokenValid } from './first-admin.ts';
import { FirstAdminCreatedPage, FirstAdminPage, SetupClosedPage } from './views/setup-pages.tsx';
import { csrfField, formText } from '../platform/http/fields.ts';

const token = z.string().min(1, 'v.required').max(100, 'v.tooLong');

/**
 * The first admin, made in the browser with the one-time link the server prints while there is none. It works
 * while the server runs, which the command line cannot do on the embedded database (one process at a time).
 */
export function registerSetupRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    tokenValue: string,
    state: { values?: Record<string, unknown>; errors?: Record<string, string> },
    status = 200,
  ) =>
    (await setupTokenValid(db(), tokenValue))
      ? reply.page(<FirstAdminPage ctx={reply.ctx()} token={tokenValue} state={state} />, status)
      : reply.page(<SetupClosedPage ctx={reply.ctx()} />, 404);

  // The token travels in the query and the form, never in the path: logs keep paths, not queries.
  app.get('/setup', { schema: { hide: true, querystring: z.object({ token }) } }, (req, reply) =>
    formPage(req, reply, req.query.token, {}),
  );
  app.post(
    '/setup',
    {
      schema: {
        hide: true,
        body: z.object({
          ...csrfField,
          token,
          name: nameField,
          email: emailField,
          password: newPasswordField,
        }),
      },
      config: {
        rateLimit: { max: app.deps.config.authRateLimitPerMinute, timeWindow: 60_000 },
        errorPage: (req, reply, error, fields) => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          return formPage(
            req,
            reply,
            formText(body.token),
            { values: { ...body, password: '' }, errors: formErrors(req.t, error, fields) },
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const { token: setupToken, name, email, password } = req.body;
      await db().transaction((tx) =>
        createFirstAdmin(
          tx,
          callerOf(req, null),
          { token: setupToken, name, email, password, lang: req.lang },
          app.deps.config.publicUrl,
        ),
      );
      return reply.page(<FirstAdminCreatedPage ctx={reply.ctx()} email={email} />, 201);
    },
  );
}
