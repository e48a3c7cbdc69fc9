import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizedApplication } from '../appointments/own-application.ts';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { joinSession } from './join-session.ts';
import { JoinPage } from './views/join-page.tsx';
import { csrfField, requiredText } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const JoinForm = z.object({
  ...csrfField,
  sessionCode: requiredText(20),
});

/** The applicant's own page for joining a session with its code: an additive alternative to the booking page. */
export function registerJoinSessionPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  const page = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const application = await authorizedApplication(
      db(),
      requireActor(req),
      (req.params as { id: string }).id,
      'application.book',
    );
    return reply.page(<JoinPage ctx={reply.ctx()} applicationId={application.id} state={state} />, status);
  };

  app.get('/applications/:id/eazy-paspor', { schema: { hide: true, params: Params } }, (req, reply) =>
    page(req, reply, {}),
  );
  app.post(
    '/applications/:id/eazy-paspor',
    {
      schema: { hide: true, params: Params, body: JoinForm },
      config: {
        rateLimit: {
          max: config.booking.ratePerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => req.actor?.id ?? req.ip,
        },
        errorPage: (req, reply, error: AppError, fields) =>
          page(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const application = await authorizedApplication(db(), actor, req.params.id, 'application.book');
      await db().transaction((tx) =>
        joinSession(
          tx,
          callerOf(req, actor),
          { application, sessionCode: req.body.sessionCode },
          config.booking,
          app.deps.secrets.qr,
        ),
      );
      return reply.redirect(`/applications/${application.id}/appointment`, 303);
    },
  );
}
