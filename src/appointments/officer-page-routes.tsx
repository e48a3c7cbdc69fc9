import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate, witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { officerAt } from './officer-access.ts';
import type { AppointmentAction } from './policy.ts';
import { quotaOverview } from './quota-overview.ts';
import { channels } from './schema.ts';
import { setQuota } from './set-quota.ts';
import { setQuotaTemplate, type WeeklyQuota } from './set-quota-template.ts';
import { QuotaPage, weeklyValues } from './views/quota-page.tsx';
import { csrfField } from '../platform/http/fields.ts';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const count = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, 'v.number')
    .transform(Number)
    .refine((n) => n <= max, 'v.number');
const weeklyFields = channels.flatMap((c) => [1, 2, 3, 4, 5, 6, 7].map((d) => `${c}_${d}`));
const WeeklyBody = z.object({ ...csrfField, ...Object.fromEntries(weeklyFields.map((f) => [f, count(10_000)])) });
const OverrideBody = z.object({
  ...csrfField,
  date: z.string().refine(isIsoDate, 'v.date'),
  channel: z.enum(channels, { error: 'v.choose' }),
  capacity: count(10_000),
});

const toWeekly = (body: Record<string, unknown>): WeeklyQuota =>
  Object.fromEntries(
    channels.map((c) => [c, [1, 2, 3, 4, 5, 6, 7].map((d) => body[`${c}_${d}`] as number)]),
  ) as WeeklyQuota;
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The booking office's pages: weekly and per-date quotas, the day's list, holidays. */
export function registerBookingOfficeRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const officerFor = (req: FastifyRequest, action: AppointmentAction) => officerAt(db(), req, action);

  const quotaPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { weekly?: FormState; override?: FormState },
    status = 200,
  ) => {
    await officerFor(req, 'quota.edit');
    const unit = await getUnit(db(), (req.params as { code: string }).code);
    const overview = await quotaOverview(db(), unit.code, witaDate());
    const weeklyState = forms.weekly ?? { values: weeklyValues(overview.weekly) };
    return reply.page(
      <QuotaPage
        ctx={reply.ctx()}
        unit={unit}
        overview={overview}
        weeklyState={weeklyState}
        overrideState={forms.override ?? {}}
      />,
      status,
    );
  };
  const savedAt = (reply: FastifyReply, code: string, page: string) =>
    reply.redirect(`/officer/units/${encodeURIComponent(code)}/${page}?saved=1`, 303);

  app.get('/officer/units/:code/quotas', { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    quotaPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/quotas/weekly',
    {
      schema: { hide: true, params: UnitParams, body: WeeklyBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          quotaPage(
            req,
            reply,
            { weekly: { values: values(req), errors: formErrors(req.t, error, fields) } },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = await officerFor(req, 'quota.edit');
      await db().transaction((tx) =>
        setQuotaTemplate(tx, callerOf(req, actor), { unitCode: req.params.code, weekly: toWeekly(req.body) }),
      );
      return savedAt(reply, req.params.code, 'quotas');
    },
  );

  app.post(
    '/officer/units/:code/quotas/dates',
    {
      schema: { hide: true, params: UnitParams, body: OverrideBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          quotaPage(
            req,
            reply,
            { override: { values: values(req), errors: formErrors(req.t, error, fields) } },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = await officerFor(req, 'quota.edit');
      const { date, channel, capacity } = req.body;
      await db().transaction((tx) =>
        setQuota(tx, callerOf(req, actor), { unitCode: req.params.code, date, channel, capacity }),
      );
      return savedAt(reply, req.params.code, 'quotas');
    },
  );
}
