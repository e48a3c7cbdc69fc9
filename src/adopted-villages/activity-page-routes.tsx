import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { ActivityActionBody, ActivityBody, ActivityParams, VillageParams } from './inputs.ts';
import { listOfficeOfficers } from './list-office-officers.ts';
import { performActivityAction } from './perform-activity-action.ts';
import { planVillageActivity } from './plan-village-activity.ts';
import { authorizeRole } from './policy.ts';
import { findActivityVillage } from './village-activities.ts';
import { villageFor } from './village-access.ts';
import { villagePageLoader } from './village-page-loader.tsx';
import type { VillageSignalsOf } from './village-signals.ts';

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** Activities in a village: plan one (its officers on the roster), mark it held, cancel it. */
export function registerActivityPages(fastify: FastifyInstance, signalsOf: VillageSignalsOf): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const villagePage = villagePageLoader(db, signalsOf);

  /**
   * An officer already on duty that day is named with the duty they have, on the officers' field, so the form can be
   * sent again with someone else; nothing was written.
   */
  const busyErrors = async (req: FastifyRequest, fields: Record<string, string>) => {
    const actor = requireActor(req);
    const { village } = await villageFor(db(), actor, (req.params as { code: string }).code, 'adopted_village.act');
    const names = new Map((await listOfficeOfficers(db(), village.unitCode)).map((o) => [`officer:${o.id}`, o.name]));
    const busy = Object.entries(fields).map(([key, duty]) =>
      req.t('adoptedVillages.village.busy', { name: names.get(key) ?? key, duty }),
    );
    return { officerIds: busy.join(' ') };
  };
  const rerender =
    (form: (req: FastifyRequest) => string) =>
    async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      if (error.status !== 409 && error.status !== 422) throw error;
      const errors = error.code === 'resource_busy' ? await busyErrors(req, fields) : formErrors(req.t, error, fields);
      return villagePage(req, reply, { [form(req)]: { values: values(req), errors } }, error.status);
    };

  app.post(
    '/officer/desa-binaan/:code/activities',
    {
      schema: { hide: true, params: VillageParams, body: ActivityBody.extend(csrfField) },
      config: { errorPage: rerender(() => 'plan') },
    },
    async (req, reply) => {
      const { _csrf, ...input } = req.body;
      const caller = callerOf(req, requireActor(req));
      const activity = await db().transaction((tx) => planVillageActivity(tx, caller, req.params.code, input));
      return reply.redirect(`/officer/desa-binaan/${req.params.code}?saved=1#a-${activity.id}`, 303);
    },
  );
  app.post(
    '/officer/desa-binaan/:code/activities/:id/actions',
    {
      schema: { hide: true, params: ActivityParams, body: ActivityActionBody.extend(csrfField) },
      config: { errorPage: rerender((req) => (req.params as { id: string }).id) },
    },
    async (req, reply) => {
      const { _csrf, ...input } = req.body;
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) =>
        performActivityAction(tx, caller, { code: req.params.code, activityId: req.params.id }, input),
      );
      return reply.redirect(`/officer/desa-binaan/${req.params.code}?saved=1#a-${req.params.id}`, 303);
    },
  );
  // The roster's calendar knows an activity by its id only.
  app.get(
    '/officer/desa-binaan/activities/:id',
    { schema: { hide: true, params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'adopted_village.view');
      const code = await findActivityVillage(db(), req.params.id);
      await villageFor(db(), actor, code, 'adopted_village.view');
      return reply.redirect(`/officer/desa-binaan/${code}`, 303);
    },
  );
}
