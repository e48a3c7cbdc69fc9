import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate, witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf } from '../platform/http/guards.ts';
import { getUnit } from '../units/list-units.ts';
import { viewDayList } from './day-list.ts';
import { officerAt } from './officer-access.ts';
import { DayListPage } from './views/day-list-page.tsx';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const DayQuery = z.object({
  date: z.string().refine(isIsoDate, 'v.date').optional().describe('YYYY-MM-DD (WITA); today when left out'),
});

const DayListJson = z.object({
  unitCode: z.string(),
  date: z.string(),
  appointments: z.array(
    z.object({
      trackingCode: z.string(),
      fullName: z.string().nullable(),
      passportType: z.string().nullable(),
      speed: z.string().nullable(),
      channel: z.string(),
      paid: z.boolean(),
      bookedAt: z.date(),
    }),
  ),
});

/** The day's appointments of a unit, for the counter: a page (with a printable variant) and the same as JSON. */
export function registerDayListRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/officer/units/:code/appointments',
    { schema: { hide: true, params: UnitParams, querystring: DayQuery.extend({ print: z.enum(['1']).optional() }) } },
    async (req, reply) => {
      const actor = await officerAt(db(), req, 'day_list.view');
      const unit = await getUnit(db(), req.params.code);
      const date = req.query.date ?? witaDate();
      const entries = await db().transaction((tx) =>
        viewDayList(tx, callerOf(req, actor), { unitCode: unit.code, date }),
      );
      return reply.page(
        <DayListPage ctx={reply.ctx()} unit={unit} date={date} entries={entries} print={req.query.print === '1'} />,
      );
    },
  );

  app.get(
    '/api/v1/units/:code/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: "A unit's appointments on a date, in booking order (officers of the unit; every call is audited)",
        security: [{ bearer: [] }],
        params: UnitParams,
        querystring: DayQuery,
        response: { 200: DayListJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const actor = await officerAt(db(), req, 'day_list.view');
      const date = req.query.date ?? witaDate();
      const appointments = await db().transaction((tx) =>
        viewDayList(tx, callerOf(req, actor), { unitCode: req.params.code, date }),
      );
      return { unitCode: req.params.code, date, appointments };
    },
  );
}
