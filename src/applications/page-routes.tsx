import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { actorAndApplication } from './application-access.ts';
import { describeApplication } from './describe-application.ts';
import { discardDraft } from './discard-draft.ts';
import { registerDocumentRoutes } from './document-page-routes.tsx';
import { listApplications } from './list-applications.ts';
import { authorize } from './policy.ts';
import { documentsComplete } from './required-documents.ts';
import { startApplication } from './start-application.ts';
import { ApplicationListPage, ApplicationPage, SubmittedPage, WithdrawPage } from './views/application-pages.tsx';
import { mayWithdraw, withdrawApplication } from './withdraw-application.ts';
import { registerWizardRoutes } from './wizard-page-routes.tsx';
import { firstUnanswered, stepPath } from './wizard-steps.ts';
import { csrfField } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const csrfBody = z.object(csrfField);

/** The citizen's application pages: the list, the wizard, documents, the confirmation and each application. */
export async function registerApplicationPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;

  const listPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, status = 200) => {
    const actor = requireActor(req);
    authorize(actor, 'application.list');
    const items = await listApplications(db(), actor.id);
    return reply.page(
      <ApplicationListPage
        ctx={reply.ctx()}
        items={items}
        maxApplicants={config.booking.applicantsPerAccount}
        state={{ errors }}
      />,
      status,
    );
  };
  app.get('/applications', { schema: { hide: true } }, (req, reply) => listPage(req, reply));
  app.post(
    '/applications',
    {
      schema: { hide: true, body: csrfBody },
      config: {
        errorPage: (req, reply, error, fields) => listPage(req, reply, formErrors(req.t, error, fields), error.status),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'application.create');
      const { id } = await db().transaction((tx) => startApplication(tx, callerOf(req, actor), config.booking));
      return reply.redirect(stepPath(id, 'office'), 303);
    },
  );

  app.get(
    '/applications/:id',
    { schema: { hide: true, params: Params, querystring: z.object({ withdrawn: z.literal('1').optional() }) } },
    async (req, reply) => {
      const { application } = await actorAndApplication(db(), req, req.params.id, 'application.view');
      const description = await describeApplication(db(), application);
      const draft = application.status === 'draft';
      const first = draft ? firstUnanswered(application, await documentsComplete(db(), application, witaDate())) : null;
      const continuePath = draft
        ? first
          ? stepPath(application.id, first)
          : `/applications/${application.id}/check`
        : null;
      const withdrawn = req.query.withdrawn === '1' && application.status === 'cancelled';
      return reply.page(
        <ApplicationPage
          ctx={reply.ctx()}
          application={application}
          description={description}
          continuePath={continuePath}
          withdrawn={withdrawn}
        />,
      );
    },
  );

  app.get('/applications/:id/submitted', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const { application } = await actorAndApplication(db(), req, req.params.id, 'application.view');
    if (application.status === 'draft') return reply.redirect(`/applications/${application.id}`, 303);
    return reply.page(<SubmittedPage ctx={reply.ctx()} application={application} />);
  });

  app.post(
    '/applications/:id/discard',
    { schema: { hide: true, params: Params, body: csrfBody } },
    async (req, reply) => {
      const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.edit');
      await db().transaction((tx) => discardDraft(tx, callerOf(req, actor), { applicationId: req.params.id }));
      return reply.redirect('/applications', 303);
    },
  );

  // Withdrawing is asked for on a page of its own, so one tap on a small screen cannot do it.
  app.get('/applications/:id/withdraw', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const { application } = await actorAndApplication(db(), req, req.params.id, 'application.withdraw');
    if (!mayWithdraw(application)) return reply.redirect(`/applications/${application.id}`, 303);
    return reply.page(<WithdrawPage ctx={reply.ctx()} application={application} />);
  });

  app.post(
    '/applications/:id/withdraw',
    { schema: { hide: true, params: Params, body: csrfBody } },
    async (req, reply) => {
      const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.withdraw');
      await db().transaction((tx) => withdrawApplication(tx, callerOf(req, actor), { applicationId: req.params.id }));
      return reply.redirect(`/applications/${req.params.id}?withdrawn=1`, 303);
    },
  );

  registerWizardRoutes(app);
  await registerDocumentRoutes(app, storage);
}
