import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { availableRefugeeSteps } from './available-actions.ts';
import { RefugeeActionBody, RefugeeFilter, RefugeeForm, RefugeeParams, ReportBody } from './inputs.ts';
import { getRefugee, listRefugees } from './list-refugees.ts';
import { performRefugeeAction } from './perform-refugee-action.ts';
import { authorizeRole, roleMay } from './policy.ts';
import { registerRefugee } from './register-refugee.ts';
import { RefugeeFormPage } from './views/refugee-form-page.tsx';
import { RefugeePage } from './views/refugee-page.tsx';
import { RefugeesPage } from './views/refugees-page.tsx';

const sentState = (req: FastifyRequest, error: AppError, fields: FieldErrors): FormState => ({
  values: (req.body ?? {}) as Record<string, unknown>,
  errors: formErrors(req.t, error, fields),
});

/** The refugees' pages: the list, registration, one refugee with the monthly stamp and the ends of oversight. */
export function registerRefugeePages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const formPage = (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    authorizeRole(requireActor(req), 'refugee.act');
    const sent = state.values?.requestId;
    const requestId = typeof sent === 'string' && sent ? sent : crypto.randomUUID();
    return reply.page(<RefugeeFormPage ctx={reply.ctx()} state={state} requestId={requestId} />, status);
  };

  const refugeePage = async (req: FastifyRequest, reply: FastifyReply, id: string, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const view = await db().transaction((tx) => getRefugee(tx, callerOf(req, actor), id));
    const steps = availableRefugeeSteps(actor, view.refugee, view.scope);
    return reply.page(
      <RefugeePage
        ctx={reply.ctx()}
        view={view}
        steps={steps}
        state={state}
        requestId={crypto.randomUUID()}
        thisMonth={witaDate().slice(0, 7)}
      />,
      status,
    );
  };
  const rerender: Parameters<typeof app.post>[1]['config'] = {
    errorPage: (req, reply, error, fields) =>
      [409, 422].includes(error.status)
        ? refugeePage(req, reply, (req.params as { id: string }).id, sentState(req, error, fields), error.status)
        : Promise.reject(error),
  };

  app.get('/officer/refugees', { schema: { hide: true, querystring: RefugeeFilter } }, async (req, reply) => {
    const actor = requireActor(req);
    const { rows } = await db().transaction((tx) => listRefugees(tx, callerOf(req, actor), req.query));
    return reply.page(<RefugeesPage ctx={reply.ctx()} rows={rows} canRegister={roleMay(actor, 'refugee.act')} />);
  });

  app.get('/officer/refugees/new', { schema: { hide: true } }, (req, reply) => formPage(req, reply, {}));

  app.post(
    '/officer/refugees/new',
    {
      schema: { hide: true, body: RefugeeForm },
      config: {
        errorPage: (req, reply, error, fields) => formPage(req, reply, sentState(req, error, fields), error.status),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { surname, givenNames, nationality, issuingState, documentNumber, birthDate, sex, expiresOn, ...rest } =
        req.body;
      const document = { surname, givenNames, nationality, issuingState, documentNumber, birthDate, sex };
      const refugee = await db().transaction((tx) =>
        registerRefugee(tx, caller, { ...rest, document: { ...document, expiresOn: expiresOn ?? null } }),
      );
      return reply.redirect(`/officer/refugees/${refugee.id}`, 303);
    },
  );

  app.get('/officer/refugees/:id', { schema: { hide: true, params: RefugeeParams } }, (req, reply) =>
    refugeePage(req, reply, req.params.id, {}),
  );

  app.post(
    '/officer/refugees/:id/reports',
    { schema: { hide: true, params: RefugeeParams, body: ReportBody }, config: rerender },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => performRefugeeAction(tx, caller, req.params.id, { step: 'report', ...req.body }));
      return reply.redirect(`/officer/refugees/${req.params.id}`, 303);
    },
  );

  app.post(
    '/officer/refugees/:id/actions',
    { schema: { hide: true, params: RefugeeParams, body: RefugeeActionBody }, config: rerender },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => performRefugeeAction(tx, caller, req.params.id, req.body));
      return reply.redirect(`/officer/refugees/${req.params.id}`, 303);
    },
  );
}
