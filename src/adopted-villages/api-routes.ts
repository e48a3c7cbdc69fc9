import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { adoptVillage } from './adopt-village.ts';
import {
  ActivityActionBody,
  ActivityBody,
  ActivityJson,
  ActivityParams,
  AdoptBody,
  ListQuery,
  VillageJson,
  VillageParams,
} from './inputs.ts';
import { getAdoptedVillage, listAdoptedVillages, type AdoptedVillageView } from './list-adopted-villages.ts';
import { performActivityAction } from './perform-activity-action.ts';
import { planVillageActivity } from './plan-village-activity.ts';
import { authorizeRole } from './policy.ts';
import type { VillageActivity } from './schema.ts';

const tags = ['desa-binaan'];
const security = [{ bearer: [] }];
const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

/** What the public may know of an adopted village: the officers' name and work phone, nothing else about them. */
const villageJson = (v: AdoptedVillageView) => ({
  villageCode: v.villageCode,
  village: v.village,
  district: v.district,
  regencyCode: v.regencyCode,
  regency: v.regency,
  unitCode: v.unitCode,
  office: { name: v.office.name, address: v.office.address, phone: v.office.phone },
  decreeNumber: v.decreeNumber,
  decreeDate: v.decreeDate,
  reasons: v.reasons,
  reasonNote: v.reasonNote,
  adoptedOn: v.adoptedOn,
  endedOn: v.endedOn,
  officers: v.officers.map((o) => ({ name: o.name, phone: o.phone })),
});
const activityJson = (a: VillageActivity) => ({
  id: a.id,
  villageCode: a.villageCode,
  unitCode: a.unitCode,
  kind: a.kind,
  status: a.status,
  heldOn: a.heldOn,
  topics: a.topics,
  peopleReached: a.peopleReached,
  note: a.note,
});

/** The register as public data, adoptions by the offices, and the activities the office and PIMPASA record. */
export function registerAdoptedVillageApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/adopted-villages',
    {
      schema: {
        tags,
        summary: 'Adopted villages (Desa Binaan Imigrasi) in force today, with their resident officers’ contact',
        querystring: ListQuery,
        response: { 200: z.array(VillageJson), 422: ErrorJson },
      },
    },
    async (req) => {
      const today = witaDate();
      const { regencyCode, unitCode } = req.query;
      const filter = { regencyCode, unitCodes: unitCode ? [unitCode] : undefined, inForceOn: today };
      return (await listAdoptedVillages(db(), filter, today)).map(villageJson);
    },
  );
  app.post(
    '/api/v1/adopted-villages',
    {
      schema: {
        tags,
        security,
        summary: 'Adopt a village (head of office, admin of the office’s scope)',
        body: AdoptBody,
        response: { 201: VillageJson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'adopted_village.manage');
      const row = await db().transaction((tx) => adoptVillage(tx, callerOf(req, actor), req.body));
      return reply.code(201).send(villageJson(await getAdoptedVillage(db(), row.villageCode, witaDate())));
    },
  );
  app.post(
    '/api/v1/adopted-villages/:code/activities',
    {
      schema: {
        tags,
        security,
        summary:
          'Plan an activity (its officers put on the roster), or record one held today or before with peopleReached',
        params: VillageParams,
        body: ActivityBody,
        response: { 201: ActivityJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const activity = await db().transaction((tx) => planVillageActivity(tx, caller, req.params.code, req.body));
      return reply.code(201).send(activityJson(activity));
    },
  );
  app.post(
    '/api/v1/adopted-villages/:code/activities/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Mark an activity held (with peopleReached) or cancel it (its roster duties removed)',
        params: ActivityParams,
        body: ActivityActionBody,
        response: { 200: ActivityJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const target = { code: req.params.code, activityId: req.params.id };
      return activityJson(await db().transaction((tx) => performActivityAction(tx, caller, target, req.body)));
    },
  );
}
