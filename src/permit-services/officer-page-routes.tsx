import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { availableServiceSteps } from './available-actions.ts';
import { decideApplication } from './decide-application.ts';
import { DecideForm, IdParams, VerifyForm } from './inputs.ts';
import { listWorkQueue } from './list-work-queue.ts';
import { authorizeRole, type PermitServiceAction } from './policy.ts';
import { verifyApplication } from './verify-application.ts';
import { viewPermitApplication } from './view-application.ts';
import { OfficerApplicationPage } from './views/officer-application-page.tsx';
import { QueuePage } from './views/queue-page.tsx';

const sent = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The office's work queue of stay-permit services and each application's page with its steps. */
export function registerPermitServiceOfficerPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const applicationPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const { id } = req.params as { id: string };
    const { application, history, scope } = await db().transaction((tx) =>
      viewPermitApplication(tx, callerOf(req, actor), id),
    );
    return reply.page(
      <OfficerApplicationPage
        ctx={reply.ctx()}
        application={application}
        history={history}
        steps={availableServiceSteps(actor, application, scope)}
        verifiedByMe={application.verifiedBy === actor.id}
        state={state}
      />,
      status,
    );
  };
  /** A refused step shows the page again to an officer who may take it; anyone else is answered as refused. */
  const errorPage =
    (action: PermitServiceAction) =>
    (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
      authorizeRole(requireActor(req), action);
      return applicationPage(req, reply, { values: sent(req), errors: formErrors(req.t, error, fields) }, error.status);
    };

  app.get('/officer/stay-permit-services', { schema: { hide: true } }, async (req, reply) => {
    const caller = callerOf(req, requireActor(req));
    const rows = await listWorkQueue(db(), caller);
    return reply.page(<QueuePage ctx={reply.ctx()} rows={rows} />);
  });

  app.get('/officer/stay-permit-services/:id', { schema: { hide: true, params: IdParams } }, (req, reply) =>
    applicationPage(req, reply, {}),
  );

  app.post(
    '/officer/stay-permit-services/:id/verify',
    { schema: { hide: true, params: IdParams, body: VerifyForm }, config: { errorPage: errorPage('service.verify') } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'service.verify');
      const { id } = req.params;
      const { note, requestId } = req.body;
      await db().transaction((tx) =>
        verifyApplication(tx, callerOf(req, actor), { applicationId: id, note, requestId }),
      );
      return reply.redirect(`/officer/stay-permit-services/${id}`, 303);
    },
  );

  app.post(
    '/officer/stay-permit-services/:id/decide',
    { schema: { hide: true, params: IdParams, body: DecideForm }, config: { errorPage: errorPage('service.decide') } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'service.decide');
      const { id } = req.params;
      const { decision, reason, requestId } = req.body;
      const input =
        decision === 'refuse'
          ? { applicationId: id, decision, reason: reason ?? '', requestId }
          : { applicationId: id, decision, requestId };
      await db().transaction((tx) => decideApplication(tx, callerOf(req, actor), input));
      return reply.redirect(`/officer/stay-permit-services/${id}`, 303);
    },
  );
}
