import crypto from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { accounts } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { T } from '../platform/i18n/index.ts';
import { extensionOf, type DocumentMediaType } from '../platform/storage/sniff.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listActiveKits } from '../roster/list-active-kits.ts';
import { actorScope } from '../units/scope.ts';
import { acceptHomeVisit } from './accept-home-visit.ts';
import { availableVisitSteps } from './available-actions.ts';
import { describeHomeVisit } from './describe-home-visit.ts';
import { listHomeVisits, visitForOfficer } from './get-home-visit.ts';
import { requestIdField } from '../platform/http/fields.ts';
import { linkVisitApplication } from './link-visit-application.ts';
import { markVisited } from './mark-visited.ts';
import { authorizeRole } from './policy.ts';
import { refuseHomeVisit } from './refuse-home-visit.ts';
import { scheduleHomeVisit } from './schedule-home-visit.ts';
import { OfficerListPage } from './views/officer-list-page.tsx';
import { OfficerVisitPage, type VisitForm } from './views/officer-visit-page.tsx';
import { visitWorkflow } from './workflow.ts';

const Params = z.object({ id: z.uuid() });
const base = { ...csrfField, requestId: requestIdField };
const note = z.string().trim().max(1000, 'v.tooLong').optional();
const ids = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : [v].flat()),
  z.array(z.uuid('homeVisits.v.officers')).max(10, 'homeVisits.v.officers'),
);
const bodies = {
  accept: z.object({ ...base, note }),
  refuse: z.object({
    ...base,
    reason: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(1000, 'v.tooLong'),
  }),
  schedule: z.object({ ...base, date: isoDateField, officerIds: ids, kitId: z.uuid('homeVisits.v.kit') }),
  link: z.object({
    ...base,
    trackingCode: z.string({ error: 'v.required' }).trim().min(4, 'v.required').max(20, 'v.tooLong'),
    birthDate: isoDateField,
  }),
  visited: z.object({ ...base, note }),
} satisfies Record<VisitForm, z.ZodType>;

/**
 * `resource_busy` names officers and kits by id (`officer:<id>`); the form says who or what, and where they are. A kit
 * found busy had passed the check that it is active in the visit's units, which lie in the officer's `scope`.
 */
async function busyErrors(db: Executor, t: T, raw: FieldErrors, scope: readonly string[]): Promise<FieldErrors> {
  const entries = Object.entries(raw).map(([k, v]) => ({
    kind: k.split(':')[0],
    id: k.split(':')[1] ?? '',
    duty: t(`homeVisits.duties.${v.split('.').pop()}`),
  }));
  const officerIds = entries.filter((e) => e.kind === 'officer').map((e) => e.id);
  const kitIds = entries.filter((e) => e.kind === 'kit').map((e) => e.id);
  const names = new Map(
    [
      ...(officerIds.length
        ? await db
            .select({ id: accounts.id, name: accounts.name })
            .from(accounts)
            .where(inArray(accounts.id, officerIds))
        : []),
      ...(kitIds.length ? (await listActiveKits(db, scope)).filter((k) => kitIds.includes(k.id)) : []),
    ].map((r) => [r.id, r.name]),
  );
  const say = (kind: string) =>
    entries
      .filter((e) => e.kind === kind)
      .map((e) =>
        t(kind === 'officer' ? 'homeVisits.officer.busyOfficer' : 'homeVisits.officer.busyKit', {
          name: names.get(e.id) ?? e.id,
          duty: e.duty,
        }),
      )
      .join(' ');
  const fields: [string, string][] = [
    ['officerIds', say('officer')],
    ['kitId', say('kit')],
  ];
  return Object.fromEntries(fields.filter(([, v]) => v));
}

/** The officers' si Koe Peduli pages: the list, one request with its forms, the evidence download. */
export function registerHomeVisitOfficerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;

  app.get('/officer/home-visits', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'visit.view');
    const visits = await listHomeVisits(db(), await actorScope(db(), actor), witaDate());
    return reply.page(<OfficerListPage ctx={reply.ctx()} visits={visits} />);
  });

  const visitPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: Partial<Record<VisitForm, FormState>>,
    status = 200,
  ) => {
    const actor = requireActor(req);
    const visit = await visitForOfficer(db(), actor, (req.params as { id: string }).id, 'visit.view');
    const details = await describeHomeVisit(db(), visit, witaDate());
    const steps = availableVisitSteps(actor, visit, await actorScope(db(), actor));
    return reply.page(
      <OfficerVisitPage
        ctx={reply.ctx()}
        details={details}
        steps={steps}
        forms={forms}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/officer/home-visits/:id', { schema: { hide: true, params: Params } }, (req, reply) =>
    visitPage(req, reply, {}),
  );

  // Never shown inline: a download with the type found at upload, so a crafted file cannot run as a page here.
  app.get('/officer/home-visits/:id/evidence', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const visit = await visitForOfficer(db(), requireActor(req), req.params.id, 'visit.view');
    if (!visit.evidenceKey) return reply.callNotFound();
    const stored = await storage.get(visit.evidenceKey);
    const extension = extensionOf[stored.mediaType as DocumentMediaType] ?? 'bin';
    return reply
      .type(stored.mediaType)
      .header('content-disposition', `attachment; filename="bukti-${visit.trackingCode}.${extension}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(stored.body);
  });

  const rerender =
    (form: VisitForm) => async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
      const actor = requireActor(req);
      authorizeRole(actor, visitWorkflow[form].by);
      const errors =
        error.code === 'resource_busy' && error.fields
          ? await busyErrors(db(), req.t, error.fields, await actorScope(db(), actor))
          : formErrors(req.t, error, fields);
      return visitPage(
        req,
        reply,
        { [form]: { values: (req.body ?? {}) as Record<string, unknown>, errors } },
        error.status,
      );
    };
  const done = (reply: FastifyReply, id: string) => reply.redirect(`/officer/home-visits/${id}`, 303);
  const officerFor = async (req: FastifyRequest, form: VisitForm) => {
    const actor = requireActor(req);
    const visit = await visitForOfficer(db(), actor, (req.params as { id: string }).id, visitWorkflow[form].by);
    return { caller: callerOf(req, actor), visitId: visit.id };
  };
  const route = { hide: true, params: Params };

  app.post(
    '/officer/home-visits/:id/accept',
    { schema: { ...route, body: bodies.accept }, config: { errorPage: rerender('accept') } },
    async (req, reply) => {
      const { caller, visitId } = await officerFor(req, 'accept');
      await db().transaction((tx) =>
        acceptHomeVisit(tx, caller, { visitId, note: req.body.note, requestId: req.body.requestId }),
      );
      return done(reply, visitId);
    },
  );
  app.post(
    '/officer/home-visits/:id/refuse',
    { schema: { ...route, body: bodies.refuse }, config: { errorPage: rerender('refuse') } },
    async (req, reply) => {
      const { caller, visitId } = await officerFor(req, 'refuse');
      await db().transaction((tx) =>
        refuseHomeVisit(
          tx,
          caller,
          { visitId, reason: req.body.reason, requestId: req.body.requestId },
          config.publicUrl,
        ),
      );
      return done(reply, visitId);
    },
  );
  app.post(
    '/officer/home-visits/:id/schedule',
    { schema: { ...route, body: bodies.schedule }, config: { errorPage: rerender('schedule') } },
    async (req, reply) => {
      const { caller, visitId } = await officerFor(req, 'schedule');
      const { date, officerIds, kitId, requestId } = req.body;
      await db().transaction((tx) =>
        scheduleHomeVisit(tx, caller, { visitId, date, officerIds, kitId, requestId }, config.publicUrl),
      );
      return done(reply, visitId);
    },
  );
  app.post(
    '/officer/home-visits/:id/link',
    { schema: { ...route, body: bodies.link }, config: { errorPage: rerender('link') } },
    async (req, reply) => {
      const { caller, visitId } = await officerFor(req, 'link');
      const { trackingCode, birthDate, requestId } = req.body;
      await db().transaction((tx) => linkVisitApplication(tx, caller, { visitId, trackingCode, birthDate, requestId }));
      return done(reply, visitId);
    },
  );
  app.post(
    '/officer/home-visits/:id/visited',
    { schema: { ...route, body: bodies.visited }, config: { errorPage: rerender('visited') } },
    async (req, reply) => {
      const { caller, visitId } = await officerFor(req, 'visited');
      await db().transaction((tx) =>
        markVisited(tx, caller, {
          visitId,
          note: req.body.note,
          requestId: req.body.requestId,
          publicUrl: config.publicUrl,
        }),
      );
      return done(reply, visitId);
    },
  );
}
