import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { addRoadmapMilestone } from './add-roadmap-milestone.ts';
import { changeUnitState, type LiveAppointmentsAt } from './change-unit-state.ts';
import { UnitCodeParams, UnitJson } from './inputs.ts';
import { getUnit, listUnits } from './list-units.ts';
import { performMilestoneAction } from './perform-milestone-action.ts';
import {
  MilestoneActionBody,
  MilestoneBody,
  MilestoneJson,
  MilestoneParams,
  RoadmapJson,
  StateChangeBody,
} from './roadmap-inputs.ts';
import type { MilestoneView } from './milestone-outcomes.ts';
import { unitRoadmap, type UnitRoadmap } from './unit-roadmap.ts';

const toJson = (u: Awaited<ReturnType<typeof getUnit>>) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentCode: u.parentCode,
  regencyCode: u.regencyCode,
  address: u.address,
  state: u.state,
  stateSince: u.stateSince,
  services: u.services,
  openingHours: u.openingHours,
});

const milestoneJson = (m: MilestoneView) => ({
  id: m.id,
  title: m.title,
  targetDate: m.targetDate,
  targetQuarter: m.targetQuarter,
  status: m.status,
  doneOn: m.doneOn,
  droppedOn: m.droppedOn,
  note: m.note,
  outcomeNote: m.outcomeNote,
});

const roadmapJson = (r: UnitRoadmap) => ({
  code: r.code,
  state: r.state,
  stateSince: r.stateSince,
  history: r.history.map((h) => ({ ...h, at: h.at.toISOString() })),
  milestones: r.milestones.map(milestoneJson),
});

const security = [{ bearer: [] }];
const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

/** The organisation as open reference data, and the state and roadmap changes of its units. */
export function registerUnitApi(fastify: FastifyInstance, liveAppointmentsAt: LiveAppointmentsAt): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/units',
    { schema: { tags: ['units'], summary: 'All units of Kanwil NTT', response: { 200: z.array(UnitJson) } } },
    async () => (await listUnits(db())).map(toJson),
  );
  app.get(
    '/api/v1/units/:code',
    { schema: { tags: ['units'], params: UnitCodeParams, response: { 200: UnitJson, 404: ErrorJson } } },
    async (req) => toJson(await getUnit(db(), req.params.code)),
  );
  app.get(
    '/api/v1/units/:code/roadmap',
    {
      schema: {
        tags: ['units'],
        summary: "A unit's state, the history of its state changes (newest first) and its roadmap milestones",
        params: UnitCodeParams,
        response: { 200: RoadmapJson, 404: ErrorJson },
      },
    },
    async (req) => roadmapJson(await unitRoadmap(db(), req.params.code)),
  );
  app.post(
    '/api/v1/units/:code/state',
    {
      schema: {
        tags: ['units'],
        security,
        summary: "Change a unit's state through its workflow (effective day, note; requestId makes a retry safe)",
        params: UnitCodeParams,
        body: StateChangeBody,
        response: { 200: UnitJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return toJson(
        await db().transaction((tx) => changeUnitState(tx, caller, req.params.code, req.body, liveAppointmentsAt)),
      );
    },
  );
  app.post(
    '/api/v1/units/:code/milestones',
    {
      schema: {
        tags: ['units'],
        security,
        summary: "Add a planned milestone to a unit's roadmap (a target date or a quarter such as 2026-Q3)",
        params: UnitCodeParams,
        body: MilestoneBody,
        response: { 201: MilestoneJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const milestone = await db().transaction((tx) => addRoadmapMilestone(tx, caller, req.params.code, req.body));
      return reply.code(201).send(milestoneJson({ ...milestone, outcomeNote: '' }));
    },
  );
  app.post(
    '/api/v1/units/:code/milestones/:id/actions',
    {
      schema: {
        tags: ['units'],
        security,
        summary: 'Mark a roadmap milestone done or drop it (with a note), on a day',
        params: MilestoneParams,
        body: MilestoneActionBody,
        response: { 200: MilestoneJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const target = { code: req.params.code, milestoneId: req.params.id };
      return milestoneJson(await db().transaction((tx) => performMilestoneAction(tx, caller, target, req.body)));
    },
  );
}
