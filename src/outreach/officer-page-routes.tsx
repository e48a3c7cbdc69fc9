import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfField, isoDateField, requiredText } from '../platform/http/fields.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { approveSession, deliveryModes } from './approve-session.ts';
import { availableSessionSteps } from './available-actions.ts';
import { getSession } from './load-session.ts';
import { authorize, type OutreachAction } from './policy.ts';
import { refuseSession } from './refuse-session.ts';
import { registerParticipant } from './register-participant.ts';
import { ApprovalFields, idList, optionalDateField, requestIdField } from './inputs.ts';
import { sessionStatuses } from './schema.ts';
import { sessionDetails, listSessions, unitResources } from './session-queries.ts';
import { sessionReport } from './session-report.ts';
import { deliveryModeOf, setDelivery } from './set-delivery.ts';
import { ReportPage, SessionListPage, SessionPage, type SessionForms } from './views/officer-pages.tsx';
import { sessionWorkflow, type OfficerSessionStep } from './workflow.ts';

const Params = z.object({ id: z.uuid() });
const ApproveForm = z.object({
  ...csrfField,
  ...ApprovalFields,
  officerIds: idList,
  kitIds: idList,
  deliveryDate: optionalDateField,
});
const RefuseForm = z.object({ ...csrfField, reason: z.string().trim().min(3, 'v.required').max(500, 'v.tooLong') });
const DeliveryForm = z.object({
  ...csrfField,
  deliveryDate: isoDateField,
  deliveryMode: z.enum(deliveryModes, { error: 'v.choose' }),
});
const RegisterForm = z.object({
  ...csrfField,
  requestId: requestIdField,
  trackingCode: requiredText(40),
  birthDate: isoDateField,
});
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The office's Eazy Paspor pages: requests, the decision, on-site registration and the session report. */
export function registerOutreachOfficerPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const publicUrl = app.deps.config.publicUrl;
  const dateText = (req: FastifyRequest) => (d: string) => formatDay(req.lang, d);

  /** The role is checked before the session is looked up, so outsiders learn nothing about which ids exist. */
  const sessionFor = async (req: FastifyRequest, action: OutreachAction) => {
    const actor = requireActor(req);
    authorize(actor, action);
    const session = await getSession(db(), (req.params as { id: string }).id);
    const scope = await actorScope(db(), actor);
    authorize(actor, action, { unitCode: session.unitCode, scope });
    return { actor, session, scope };
  };

  const sessionPage = async (req: FastifyRequest, reply: FastifyReply, forms: SessionForms, status = 200) => {
    const { actor, session, scope } = await sessionFor(req, 'session.view');
    const [details, resources, deliveryMode] = await Promise.all([
      sessionDetails(db(), session.id),
      unitResources(db(), session.unitCode),
      deliveryModeOf(db(), session.id, session.deliveryDate),
    ]);
    const steps = availableSessionSteps(actor, session, scope);
    const registered = (req.query as { registered?: string } | undefined)?.registered === '1';
    return reply.page(
      <SessionPage
        ctx={reply.ctx()}
        session={session}
        details={details}
        resources={resources}
        deliveryMode={deliveryMode}
        steps={steps}
        forms={forms}
        registered={registered}
        dateText={dateText(req)}
      />,
      status,
    );
  };
  /** A refused officer gets the refusal, not a form they may not see, whatever was wrong with the input. */
  const formPage =
    (form: OfficerSessionStep) =>
    (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      authorize(requireActor(req), sessionWorkflow[form].by);
      if (error.status === 403 || error.status === 404) throw error;
      return sessionPage(
        req,
        reply,
        { [form]: { values: values(req), errors: formErrors(req.t, error, fields) } },
        error.status,
      );
    };
  const back = (reply: FastifyReply, id: string, query = '') =>
    reply.redirect(`/officer/outreach/sessions/${id}${query}`, 303);

  app.get(
    '/officer/outreach/sessions',
    {
      schema: {
        hide: true,
        querystring: z.object({ status: z.union([z.enum(sessionStatuses), z.literal('')]).optional() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'session.view');
      const status = req.query.status || undefined;
      const sessions = await listSessions(db(), await actorScope(db(), actor), status);
      return reply.page(
        <SessionListPage ctx={reply.ctx()} sessions={sessions} status={status} dateText={dateText(req)} />,
      );
    },
  );

  app.get('/officer/outreach/sessions/:id', { schema: { hide: true, params: Params } }, (req, reply) =>
    sessionPage(req, reply, {}),
  );

  app.post(
    '/officer/outreach/sessions/:id/approve',
    {
      schema: { hide: true, params: Params, body: ApproveForm },
      config: {
        errorPage: async (req, reply, error, fields) => {
          if (error.code !== 'resource_busy') return formPage('approve')(req, reply, error, fields);
          // Name who or what is busy, and where, so the head of office can choose someone else.
          const { session } = await sessionFor(req, sessionWorkflow.approve.by);
          const { officers, kits } = await unitResources(db(), session.unitCode);
          const names = new Map<string, string>([
            ...officers.map((o) => [`officer:${o.id}`, o.name] as const),
            ...kits.map((k) => [`kit:${k.id}`, k.name] as const),
          ]);
          const busy = Object.entries(error.fields ?? {}).map(([key, duty]) => {
            const kind = duty.split('.').pop()!;
            return req.t(`outreach.busy.${key.startsWith('kit:') ? 'kit' : 'officer'}`, {
              name: names.get(key) ?? key,
              duty: req.t(`outreach.duty.${kind}`),
            });
          });
          const field = Object.keys(error.fields ?? {}).some((k) => k.startsWith('officer:')) ? 'officerIds' : 'kitIds';
          return sessionPage(
            req,
            reply,
            { approve: { values: values(req), errors: { [field]: busy.join(' ') } } },
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const { actor, session } = await sessionFor(req, sessionWorkflow.approve.by);
      const { date, capacity, officerIds, kitIds, deliveryDate, deliveryMode } = req.body;
      await db().transaction((tx) =>
        approveSession(
          tx,
          callerOf(req, actor),
          {
            sessionId: session.id,
            date,
            capacity,
            officerIds,
            kitIds,
            deliveryDate,
            deliveryMode: deliveryDate ? deliveryMode : null,
          },
          publicUrl,
        ),
      );
      return back(reply, session.id);
    },
  );

  app.post(
    '/officer/outreach/sessions/:id/refuse',
    { schema: { hide: true, params: Params, body: RefuseForm }, config: { errorPage: formPage('refuse') } },
    async (req, reply) => {
      const { actor, session } = await sessionFor(req, sessionWorkflow.refuse.by);
      await db().transaction((tx) =>
        refuseSession(tx, callerOf(req, actor), { sessionId: session.id, reason: req.body.reason }, publicUrl),
      );
      return back(reply, session.id);
    },
  );

  app.post(
    '/officer/outreach/sessions/:id/delivery',
    { schema: { hide: true, params: Params, body: DeliveryForm }, config: { errorPage: formPage('delivery') } },
    async (req, reply) => {
      const { actor, session } = await sessionFor(req, sessionWorkflow.delivery.by);
      await db().transaction((tx) => setDelivery(tx, callerOf(req, actor), { sessionId: session.id, ...req.body }));
      return back(reply, session.id);
    },
  );

  app.post(
    '/officer/outreach/sessions/:id/participants',
    { schema: { hide: true, params: Params, body: RegisterForm }, config: { errorPage: formPage('register') } },
    async (req, reply) => {
      const { actor, session } = await sessionFor(req, sessionWorkflow.register.by);
      const { requestId, trackingCode, birthDate } = req.body;
      await db().transaction((tx) =>
        registerParticipant(tx, callerOf(req, actor), { sessionId: session.id, requestId, trackingCode, birthDate }),
      );
      return back(reply, session.id, '?registered=1');
    },
  );

  app.get('/officer/outreach/sessions/:id/report', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const { session } = await sessionFor(req, 'session.view');
    return reply.page(
      <ReportPage ctx={reply.ctx()} session={session} report={await sessionReport(db(), session.id)} />,
    );
  });
}
