import { officerAtUnit } from '../units/officer-at-unit.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, isIsoDate, witaDate } from '../platform/calendar/wita.ts';
import type { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { addKit } from './add-kit.ts';
import { assignCounterDuty } from './assign-counter-duty.ts';
import { counterOfficers } from './counter-officers.ts';
import { deactivateKit } from './deactivate-kit.ts';
import { listKits } from './kits.ts';
import { authorize, can, type RosterAction } from './policy.ts';
import { removeDuty } from './remove-duty.ts';
import { unitCalendar, type PickupSlots } from './unit-calendar.ts';
import { CalendarPage, shiftMonth } from './views/calendar-page.tsx';
import { KitsPage } from './views/kits-page.tsx';
import { csrfField } from '../platform/http/fields.ts';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const isoDate = z.string().refine(isIsoDate, 'v.date');
const KitBody = z.object({
  ...csrfField,
  name: z.string().trim().min(2, 'roster.v.kitName').max(80, 'roster.v.kitName'),
  serial: z.string().trim().max(80, 'v.tooLong').optional(),
});
/** A form sends one checked box as a string, several as an array, none at all when nothing is checked. */
const officerIds = z.preprocess(
  (v) => (v === undefined ? [] : [v].flat()),
  z.array(z.uuid('roster.v.officers')).max(200),
);
const DutyBody = z.object({ ...csrfField, from: isoDate, to: isoDate, officerIds });
const MonthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'roster.v.month')
    .optional(),
  saved: z.enum(['assigned', 'removed']).optional(),
  n: z
    .string()
    .regex(/^\d{1,5}$/)
    .optional(),
});
const KitsQuery = z.object({ saved: z.enum(['added', 'deactivated']).optional() });
const RangeQuery = z.object({ from: isoDate, to: isoDate });

const CalendarJson = z.object({
  unitCode: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      closed: z.string().nullable(),
      counter: z.array(z.object({ dutyId: z.string(), officerId: z.string(), officerName: z.string() })),
      sessions: z.array(z.object({ refId: z.string(), officers: z.array(z.string()), kits: z.array(z.string()) })),
      visits: z.array(z.object({ refId: z.string(), officers: z.array(z.string()), kits: z.array(z.string()) })),
      pickup: z.object({ capacity: z.number(), booked: z.number() }).nullable(),
    }),
  ),
});

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const unitCodeOf = (req: FastifyRequest) => (req.params as { code: string }).code;
const monthEnd = (month: string) => addDays(`${shiftMonth(month, 1)}-01`, -1);

/**
 * Mobile kits and the head of office's calendar: counter duty, sessions, visits and Saturday pickups (the pickup
 * places come from `pickupSlots`, passports' query, given by `app.ts`).
 */
export function registerRosterRoutes(fastify: FastifyInstance, { pickupSlots }: { pickupSlots: PickupSlots }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const officerAt = (req: FastifyRequest, action: RosterAction) => officerAtUnit(db(), req, authorize, action);
  const base = (code: string, page: string) => `/officer/units/${encodeURIComponent(code)}/${page}`;

  const kitsPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { actor, scope } = await officerAt(req, 'kits.view');
    const unit = await getUnit(db(), unitCodeOf(req));
    const saved = (req.query as { saved?: string }).saved;
    return reply.page(
      <KitsPage
        ctx={reply.ctx()}
        unit={unit}
        kits={await listKits(db(), unit.code)}
        canManage={can(actor, 'kits.manage', { unitCode: unit.code, scope })}
        state={state}
        notice={status === 200 && saved ? req.t(`roster.kits.${saved}`) : undefined}
      />,
      status,
    );
  };
  // Whoever may not manage never sees the form again, whatever the input was.
  const kitsErrorPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    error: AppError,
    fields: Record<string, string>,
  ) => {
    await officerAt(req, 'kits.manage');
    return kitsPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status);
  };

  app.get(
    '/officer/units/:code/kits',
    { schema: { hide: true, params: UnitParams, querystring: KitsQuery } },
    (req, reply) => kitsPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/kits',
    { schema: { hide: true, params: UnitParams, body: KitBody }, config: { errorPage: kitsErrorPage } },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'kits.manage');
      await db().transaction((tx) =>
        addKit(tx, callerOf(req, actor), { unitCode: req.params.code, name: req.body.name, serial: req.body.serial }),
      );
      return reply.redirect(`${base(req.params.code, 'kits')}?saved=added`, 303);
    },
  );

  app.post(
    '/officer/units/:code/kits/:kitId/deactivate',
    {
      schema: { hide: true, params: UnitParams.extend({ kitId: z.uuid() }), body: z.object(csrfField).optional() },
      config: { errorPage: kitsErrorPage },
    },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'kits.manage');
      await db().transaction((tx) =>
        deactivateKit(tx, callerOf(req, actor), { unitCode: req.params.code, kitId: req.params.kitId }),
      );
      return reply.redirect(`${base(req.params.code, 'kits')}?saved=deactivated`, 303);
    },
  );

  const calendarPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    month: string,
    status = 200,
  ) => {
    const { actor, scope } = await officerAt(req, 'roster.view');
    const unit = await getUnit(db(), unitCodeOf(req));
    const manage = can(actor, 'roster.manage', { unitCode: unit.code, scope });
    const query = req.query as { saved?: string; n?: string };
    const notice =
      status === 200 && query.saved ? req.t(`roster.calendar.${query.saved}`, { n: Number(query.n ?? 0) }) : undefined;
    const [days, officers] = await Promise.all([
      unitCalendar(db(), unit.code, `${month}-01`, monthEnd(month), pickupSlots),
      manage ? counterOfficers(db(), unit.code) : null,
    ]);
    return reply.page(
      <CalendarPage
        ctx={reply.ctx()}
        unit={unit}
        month={month}
        today={witaDate()}
        days={days}
        officers={officers}
        state={state}
        notice={notice}
      />,
      status,
    );
  };
  const thisMonth = () => witaDate().slice(0, 7);
  const dutyErrorPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    error: AppError,
    fields: Record<string, string>,
  ) => {
    await officerAt(req, 'roster.manage');
    const body = values(req);
    const from = typeof body.from === 'string' && isIsoDate(body.from) ? body.from : undefined;
    const busyDate = error.params?.date;
    return calendarPage(
      req,
      reply,
      { values: { ...body, busyDate }, errors: formErrors(req.t, error, fields) },
      from?.slice(0, 7) ?? thisMonth(),
      error.status,
    );
  };

  app.get(
    '/officer/units/:code/calendar',
    { schema: { hide: true, params: UnitParams, querystring: MonthQuery } },
    (req, reply) => calendarPage(req, reply, {}, req.query.month ?? thisMonth()),
  );

  app.post(
    '/officer/units/:code/calendar/counter-duty',
    { schema: { hide: true, params: UnitParams, body: DutyBody }, config: { errorPage: dutyErrorPage } },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'roster.manage');
      const { from, to } = req.body;
      const { assigned } = await db().transaction((tx) =>
        assignCounterDuty(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          from,
          to,
          officerIds: req.body.officerIds,
        }),
      );
      return reply.redirect(
        `${base(req.params.code, 'calendar')}?month=${from.slice(0, 7)}&saved=assigned&n=${assigned}`,
        303,
      );
    },
  );

  app.post(
    '/officer/units/:code/calendar/duties/:dutyId/remove',
    {
      schema: { hide: true, params: UnitParams.extend({ dutyId: z.uuid() }), body: z.object(csrfField).optional() },
      config: { errorPage: dutyErrorPage },
    },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'roster.manage');
      const duty = await db().transaction((tx) =>
        removeDuty(tx, callerOf(req, actor), { unitCode: req.params.code, dutyId: req.params.dutyId }),
      );
      return reply.redirect(`${base(req.params.code, 'calendar')}?month=${duty.date.slice(0, 7)}&saved=removed`, 303);
    },
  );

  app.get(
    '/api/v1/units/:code/calendar',
    {
      schema: {
        tags: ['roster'],
        summary:
          "A unit's calendar: counter duty, Eazy Paspor sessions, si Koe Peduli visits, Saturday pickups and closed days (officers of the unit)",
        security: [{ bearer: [] }],
        params: UnitParams,
        querystring: RangeQuery,
        response: { 200: CalendarJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      await officerAt(req, 'roster.view');
      const unit = await getUnit(db(), req.params.code);
      return {
        unitCode: unit.code,
        days: await unitCalendar(db(), unit.code, req.query.from, req.query.to, pickupSlots),
      };
    },
  );
}
