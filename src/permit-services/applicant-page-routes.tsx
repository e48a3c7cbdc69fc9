import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { applicationHistory } from './application-actions.ts';
import { mayBook, mayWithdraw } from './available-actions.ts';
import { biometricsDays, bookBiometrics } from './book-biometrics.ts';
import { fileApplication } from './file-application.ts';
import { getPermitApplication, ruleOf } from './get-application.ts';
import { ApplyQuery, BookForm, FilingForm, IdParams, StepForm } from './inputs.ts';
import { listMyApplications } from './list-my-applications.ts';
import { sponsoredPermitsOf } from './permit-changes.ts';
import { rulesInForce } from './service-rules.ts';
import { ApplicationPage } from './views/application-page.tsx';
import { ApplyPage } from './views/apply-page.tsx';
import { MyApplicationsPage } from './views/my-applications-page.tsx';
import { withdrawApplication } from './withdraw-application.ts';

// Foreigners and sponsors read these pages in English until they pick a language.
const english = { defaultLang: 'en' as const };
const sent = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The applicant's pages: the application form, and their application's page with payment, booking and withdrawal. */
export function registerPermitServiceApplicantPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const applyPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const values = state.values ?? {};
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    const rules = await rulesInForce(db(), witaDate());
    const sponsored = await sponsoredPermitsOf(db(), actor.id);
    return reply.page(
      <ApplyPage ctx={reply.ctx()} state={state} rules={rules} requestId={requestId} sponsored={sponsored} />,
      status,
    );
  };

  /** The applicant's own application; anyone else is told it does not exist. */
  const ownPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const { id } = req.params as { id: string };
    const application = await getPermitApplication(db(), id).catch(() => null);
    if (!application || application.applicantAccountId !== actor.id) throw new AppError('not_found');
    const rule = await ruleOf(db(), application);
    const days = mayBook(application, rule.biometrics)
      ? await biometricsDays(db(), application.unitCode, witaDate())
      : null;
    const history = await applicationHistory(db(), application.id);
    return reply.page(
      <ApplicationPage
        ctx={reply.ctx()}
        application={application}
        history={history}
        days={days}
        mayWithdraw={mayWithdraw(application)}
        state={state}
      />,
      status,
    );
  };
  const errorsOn =
    (page: typeof applyPage) => (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) =>
      page(req, reply, { values: sent(req), errors: formErrors(req.t, error, fields) }, error.status);

  app.get('/stay-permits/apply', { schema: { hide: true, querystring: ApplyQuery }, config: english }, (req, reply) =>
    applyPage(req, reply, { values: req.query }),
  );

  app.post(
    '/stay-permits/apply',
    { schema: { hide: true, body: FilingForm }, config: { ...english, errorPage: errorsOn(applyPage) } },
    async (req, reply) => {
      const actor = requireActor(req);
      const { _csrf, ...input } = req.body;
      const application = await db().transaction((tx) => fileApplication(tx, callerOf(req, actor), input));
      return reply.redirect(`/stay-permits/applications/${application.id}`, 303);
    },
  );

  app.get('/stay-permits/applications', { schema: { hide: true }, config: english }, async (req, reply) => {
    const actor = requireActor(req);
    const applications = await listMyApplications(db(), actor.id);
    return reply.page(<MyApplicationsPage ctx={reply.ctx()} applications={applications} />);
  });

  app.get(
    '/stay-permits/applications/:id',
    { schema: { hide: true, params: IdParams }, config: english },
    (req, reply) => ownPage(req, reply, {}),
  );

  app.post(
    '/stay-permits/applications/:id/biometrics',
    { schema: { hide: true, params: IdParams, body: BookForm }, config: { ...english, errorPage: errorsOn(ownPage) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { id } = req.params;
      await db().transaction((tx) => bookBiometrics(tx, caller, { applicationId: id, ...req.body }));
      return reply.redirect(`/stay-permits/applications/${id}`, 303);
    },
  );

  app.post(
    '/stay-permits/applications/:id/withdraw',
    { schema: { hide: true, params: IdParams, body: StepForm }, config: { ...english, errorPage: errorsOn(ownPage) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { id } = req.params;
      await db().transaction((tx) => withdrawApplication(tx, caller, { applicationId: id, ...req.body }));
      return reply.redirect(`/stay-permits/applications/${id}`, 303);
    },
  );
}
