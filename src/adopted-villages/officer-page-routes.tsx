import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { listUnits } from '../units/list-units.ts';
import { adoptVillage } from './adopt-village.ts';
import { assignVillageOfficer } from './assign-village-officer.ts';
import { editAdoptedVillage } from './edit-adopted-village.ts';
import { endAdoption } from './end-adoption.ts';
import { AdoptBody, EditBody, EndBody, OfficerBody, OfficerParams, PeriodQuery, VillageParams } from './inputs.ts';
import { officeOverview } from './office-overview.ts';
import { authorizeRole, roleMay } from './policy.ts';
import { unassignVillageOfficer } from './unassign-village-officer.ts';
import { periodOfQuery } from './village-activities.ts';
import { villagePageLoader } from './village-page-loader.tsx';
import type { VillageSignalsOf } from './village-signals.ts';
import { OfficePage } from './views/office-page.tsx';

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const saved = (req: FastifyRequest) => (req.query as { saved?: string } | undefined)?.saved === '1';

/** The office's pages: its villages with their signals, one village's register entry and PIMPASA. */
export function registerOfficerPages(fastify: FastifyInstance, signalsOf: VillageSignalsOf): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const villagePage = villagePageLoader(db, signalsOf);

  const officePage = async (req: FastifyRequest, reply: FastifyReply, adoptState = {}, status = 200) => {
    const actor = requireActor(req);
    const today = witaDate();
    const period = periodOfQuery(today, req.query);
    const overview = await officeOverview(db(), actor, period, today, signalsOf);
    const units = roleMay(actor, 'adopted_village.manage')
      ? (await listUnits(db())).filter((u) => u.kind === 'kanim' && overview.scope.includes(u.code))
      : null;
    return reply.page(
      <OfficePage
        ctx={reply.ctx()}
        villages={overview.villages}
        summaries={overview.summaries}
        period={period}
        adopt={units ? { state: adoptState, units } : null}
        notice={status === 200 && saved(req) ? req.t('adoptedVillages.office.adopted') : undefined}
      />,
      status,
    );
  };
  /** A refused officer gets the refusal; bad input or a wrong state shows the form again with its errors. */
  const rerender =
    (form: string) => (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      if (error.status !== 409 && error.status !== 422) throw error;
      return villagePage(
        req,
        reply,
        { [form]: { values: values(req), errors: formErrors(req.t, error, fields) } },
        error.status,
      );
    };
  const back = (reply: FastifyReply, code: string) => reply.redirect(`/officer/desa-binaan/${code}?saved=1`, 303);

  app.get('/officer/desa-binaan', { schema: { hide: true, querystring: PeriodQuery } }, (req, reply) =>
    officePage(req, reply),
  );
  app.post(
    '/officer/desa-binaan',
    {
      schema: { hide: true, body: AdoptBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.status !== 409 && error.status !== 422) throw error;
          authorizeRole(requireActor(req), 'adopted_village.manage');
          return officePage(
            req,
            reply,
            { values: values(req), errors: formErrors(req.t, error, fields) },
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'adopted_village.manage');
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) => adoptVillage(tx, callerOf(req, actor), input));
      return reply.redirect(`/officer/desa-binaan/${input.villageCode}?saved=1`, 303);
    },
  );
  app.get(
    '/officer/desa-binaan/:code',
    { schema: { hide: true, params: VillageParams, querystring: PeriodQuery } },
    (req, reply) => villagePage(req, reply, {}, 200, saved(req) ? req.t('adoptedVillages.village.saved') : undefined),
  );
  app.post(
    '/officer/desa-binaan/:code/edit',
    {
      schema: { hide: true, params: VillageParams, body: EditBody.extend(csrfField) },
      config: { errorPage: rerender('edit') },
    },
    async (req, reply) => {
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) => editAdoptedVillage(tx, callerOf(req, requireActor(req)), req.params.code, input));
      return back(reply, req.params.code);
    },
  );
  app.post(
    '/officer/desa-binaan/:code/end',
    {
      schema: { hide: true, params: VillageParams, body: EndBody.extend(csrfField) },
      config: { errorPage: rerender('end') },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => endAdoption(tx, caller, req.params.code, req.body.endedOn));
      return back(reply, req.params.code);
    },
  );
  app.post(
    '/officer/desa-binaan/:code/officers',
    {
      schema: { hide: true, params: VillageParams, body: OfficerBody.extend(csrfField) },
      config: { errorPage: rerender('assign') },
    },
    async (req, reply) => {
      const { _csrf, ...input } = req.body;
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => assignVillageOfficer(tx, caller, req.params.code, input));
      return back(reply, req.params.code);
    },
  );
  app.post(
    '/officer/desa-binaan/:code/officers/:officerId/unassign',
    { schema: { hide: true, params: OfficerParams, body: z.object(csrfField) } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => unassignVillageOfficer(tx, caller, req.params.code, req.params.officerId));
      return back(reply, req.params.code);
    },
  );
}
