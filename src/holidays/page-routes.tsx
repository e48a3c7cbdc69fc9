import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.ts';
import { isIsoDate, witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listUnits } from '../units/list-units.ts';
import { organisationRoot } from '../units/organisation-root.ts';
import { actorScope } from '../units/scope.ts';
import { addHoliday } from './add-holiday.ts';
import { resolveHoliday } from './resolve-holiday.ts';
import { getHoliday, listHolidays } from './list-holidays.ts';
import { authorize, can } from './policy.ts';
import { removeHoliday } from './remove-holiday.ts';
import { holidayKinds, type HolidayKind } from './schema.ts';
import { updateHoliday } from './update-holiday.ts';
import { HolidayEditPage } from './views/holiday-edit-page.tsx';
import { HolidaysPage } from './views/holidays-page.tsx';
import { csrfField, requiredText } from '../platform/http/fields.ts';

const HolidayBody = z.object({
  ...csrfField,
  date: z.string().refine(isIsoDate, 'v.date'),
  name: requiredText(120),
  kind: z.enum(holidayKinds, { error: 'v.choose' }),
  unitCode: z
    .string()
    .trim()
    .max(40, 'v.tooLong')
    .optional()
    .transform((v) => v || null),
});
const IdParams = z.object({ id: z.uuid() });
const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const yearOf = (date: unknown) =>
  typeof date === 'string' && isIsoDate(date) ? Number(date.slice(0, 4)) : Number(witaDate().slice(0, 4));

/** National holidays, cuti bersama and office closures: the days closedDays keeps bookings away from. */
export function registerHolidayRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  /** A signed-in admin or head of office, with what they may touch: their scope and the organisation's root. */
  const manager = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    authorize(actor, 'holiday.manage');
    const [scope, root] = await Promise.all([actorScope(db(), actor), organisationRoot(db())]);
    const editable = (kind: HolidayKind, unitCode: string | null) =>
      can(actor, 'holiday.edit', { kind, unitCode: unitCode ?? root, scope });
    return { actor, scope, editable };
  };
  /** The kinds and units the form offers this officer. */
  const choices = async (actor: Actor, scope: string[], editable: (k: HolidayKind, u: string | null) => boolean) => ({
    kinds: holidayKinds.filter((k) => editable(k, k === 'office_closure' ? actor.unitCode : null)),
    units: (await listUnits(db())).filter((u) => scope.includes(u.code)),
  });
  /** Refuses a holiday (as stored before or as asked for) outside what the officer may edit. */
  const mayEdit = async (
    actor: Actor,
    scope: string[],
    input: { kind: HolidayKind; unitCode: string | null; date: string; name: string },
  ) => {
    const { unitCode } = await resolveHoliday(db(), input);
    authorize(actor, 'holiday.edit', { kind: input.kind, unitCode, scope });
  };
  const backToList = (reply: FastifyReply, date: string) =>
    reply.redirect(`/admin/holidays?year=${date.slice(0, 4)}&saved=1`, 303);

  const listPage = async (req: FastifyRequest, reply: FastifyReply, year: number, state: FormState, status = 200) => {
    const { actor, scope, editable } = await manager(req);
    const { kinds, units } = await choices(actor, scope, editable);
    const rows = (await listHolidays(db(), year, scope)).map((h) => ({ ...h, editable: editable(h.kind, h.unitCode) }));
    const shown = state.values
      ? state
      : { values: { kind: kinds.includes('cuti_bersama') ? 'cuti_bersama' : kinds[0], unitCode: actor.unitCode } };
    return reply.page(
      <HolidaysPage ctx={reply.ctx()} year={year} rows={rows} kinds={kinds} units={units} state={shown} />,
      status,
    );
  };

  app.get('/admin/holidays', { schema: { hide: true, querystring: YearQuery } }, (req, reply) =>
    listPage(req, reply, req.query.year ?? yearOf(undefined), {}),
  );

  app.post(
    '/admin/holidays',
    {
      schema: { hide: true, body: HolidayBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          listPage(
            req,
            reply,
            yearOf(values(req).date),
            { values: values(req), errors: formErrors(req.t, error, fields) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const { actor, scope } = await manager(req);
      const { _csrf, ...input } = req.body;
      await mayEdit(actor, scope, input);
      await db().transaction((tx) => addHoliday(tx, callerOf(req, actor), input));
      return backToList(reply, input.date);
    },
  );

  const editPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState | undefined, status = 200) => {
    const { actor, scope, editable } = await manager(req);
    const holiday = await getHoliday(db(), (req.params as { id: string }).id);
    await mayEdit(actor, scope, holiday);
    const { kinds, units } = await choices(actor, scope, editable);
    const shown = state ?? {
      values: { date: holiday.date, name: holiday.name, kind: holiday.kind, unitCode: holiday.unitCode ?? '' },
    };
    return reply.page(
      <HolidayEditPage ctx={reply.ctx()} holiday={holiday} kinds={kinds} units={units} state={shown} />,
      status,
    );
  };

  app.get('/admin/holidays/:id/edit', { schema: { hide: true, params: IdParams } }, (req, reply) =>
    editPage(req, reply, undefined),
  );

  app.post(
    '/admin/holidays/:id/edit',
    {
      schema: { hide: true, params: IdParams, body: HolidayBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          editPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor, scope } = await manager(req);
      await mayEdit(actor, scope, await getHoliday(db(), req.params.id));
      const { _csrf, ...input } = req.body;
      await mayEdit(actor, scope, input);
      await db().transaction((tx) => updateHoliday(tx, callerOf(req, actor), req.params.id, input));
      return backToList(reply, input.date);
    },
  );

  app.post(
    '/admin/holidays/:id/delete',
    { schema: { hide: true, params: IdParams, body: z.object(csrfField) } },
    async (req, reply) => {
      const { actor, scope } = await manager(req);
      const holiday = await getHoliday(db(), req.params.id);
      await mayEdit(actor, scope, holiday);
      await db().transaction((tx) => removeHoliday(tx, callerOf(req, actor), holiday.id));
      return backToList(reply, holiday.date);
    },
  );
}
