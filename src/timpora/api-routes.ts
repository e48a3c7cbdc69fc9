import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { browseOperations, browseTimpora } from './browse-timpora.ts';
import { createOperation } from './create-operation.ts';
import {
  AgencyBody,
  AgencyJson,
  FINDING_PHOTO_MAX_BYTES,
  FindingApiBody,
  findingPerson,
  IdParams,
  MeetingBody,
  MeetingJson,
  OperationActionBody,
  OperationBody,
  OperationDetailJson,
  OperationJson,
  PartnerLinkBody,
  RecommendationActionBody,
  RecordedFindingJson,
  ReportJson,
  TeamAgencyBody,
  TeamBody,
  TeamJson,
} from './inputs.ts';
import { createAgency, listAgencies } from './manage-agencies.ts';
import { addTeamAgency, createTeam, linkPartner } from './manage-teams.ts';
import { performOperationAction } from './perform-operation-action.ts';
import { performRecommendationAction } from './perform-recommendation-action.ts';
import { authorizeRole } from './policy.ts';
import { recordFinding } from './record-finding.ts';
import { recordMeeting } from './record-meeting.ts';
import { viewMeeting } from './view-meeting.ts';
import { viewOperation } from './view-operation.ts';

const tags = ['oversight'];
const security = [{ bearer: [] }];
const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };
const Done = z.object({ ok: z.literal(true) });
const IdJson = z.object({ id: z.string() });

/** The Timpora API: teams, meetings, joint operations and their findings. */
export function registerTimporaApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const caller = (req: Parameters<typeof callerOf>[0]) => callerOf(req, requireActor(req));

  app.get(
    '/api/v1/oversight/agencies',
    { schema: { tags, security, summary: 'Partner agencies', response: { 200: z.array(AgencyJson), ...errors } } },
    async (req) => {
      authorizeRole(requireActor(req), 'timpora.read');
      return listAgencies(db());
    },
  );
  app.post(
    '/api/v1/oversight/agencies',
    {
      schema: {
        tags,
        security,
        summary: 'Add a partner agency (once per code)',
        body: AgencyBody,
        response: { 200: AgencyJson, ...errors },
      },
    },
    async (req) => {
      authorizeRole(requireActor(req), 'timpora.manage');
      return db().transaction((tx) => createAgency(tx, caller(req), req.body));
    },
  );
  app.get(
    '/api/v1/oversight/teams',
    {
      schema: {
        tags,
        security,
        summary: 'The Timpora teams the reader may see, parents before children; a partner’s reads are audited',
        response: { 200: z.array(TeamJson), ...errors },
      },
    },
    async (req) => (await db().transaction((tx) => browseTimpora(tx, caller(req)))).teams,
  );
  app.post(
    '/api/v1/oversight/teams',
    {
      schema: {
        tags,
        security,
        summary: 'Form a team by its decree',
        body: TeamBody,
        response: { 200: IdJson, ...errors },
      },
    },
    async (req) => {
      const b = req.body;
      const team = await db().transaction((tx) =>
        createTeam(tx, caller(req), {
          ...b,
          parentId: b.parentId ?? null,
          regionCode: b.regionCode ?? null,
          secretaryName: b.secretaryName ?? null,
          secretaryPosition: b.secretaryPosition ?? null,
        }),
      );
      return { id: team.id };
    },
  );
  app.post(
    '/api/v1/oversight/teams/:id/agencies',
    {
      schema: {
        tags,
        security,
        summary: 'Seat an agency in the team with its contact person',
        params: IdParams,
        body: TeamAgencyBody,
        response: { 200: Done, ...errors },
      },
    },
    async (req) => {
      await db().transaction((tx) => addTeamAgency(tx, caller(req), { teamId: req.params.id, ...req.body }));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/oversight/teams/:id/partners',
    {
      schema: {
        tags,
        security,
        summary: 'Link a partner account to the team for its (one) agency',
        params: IdParams,
        body: PartnerLinkBody,
        response: { 200: z.object({ accountId: z.string() }), ...errors },
      },
    },
    async (req) => db().transaction((tx) => linkPartner(tx, caller(req), { teamId: req.params.id, ...req.body })),
  );
  app.post(
    '/api/v1/oversight/teams/:id/meetings',
    {
      schema: {
        tags,
        security,
        summary: 'Record a team meeting with its recommendations (a resent request id records it once)',
        params: IdParams,
        body: MeetingBody,
        response: { 200: IdJson, ...errors },
      },
    },
    async (req) => {
      const meeting = await db().transaction((tx) =>
        recordMeeting(tx, caller(req), { teamId: req.params.id, ...req.body }),
      );
      return { id: meeting.id };
    },
  );
  app.get(
    '/api/v1/oversight/meetings/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A meeting with its recommendations and their follow-up (audited)',
        params: IdParams,
        response: { 200: MeetingJson, ...errors },
      },
    },
    async (req) => {
      const view = await db().transaction((tx) => viewMeeting(tx, caller(req), req.params.id));
      return { ...view.meeting, agenciesPresent: view.agenciesPresent, recommendations: view.recommendations };
    },
  );
  app.post(
    '/api/v1/oversight/recommendations/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Follow up a recommendation: a note, or done (a partner: only its own agency’s)',
        params: IdParams,
        body: RecommendationActionBody,
        response: { 200: z.object({ id: z.string(), status: z.string() }), ...errors },
      },
    },
    async (req) => {
      const rec = await db().transaction((tx) =>
        performRecommendationAction(tx, caller(req), { recommendationId: req.params.id, ...req.body }),
      );
      return { id: rec.id, status: rec.status };
    },
  );
  registerOperationApiRoutes(fastify);
}

function registerOperationApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const caller = (req: Parameters<typeof callerOf>[0]) => callerOf(req, requireActor(req));

  app.get(
    '/api/v1/oversight/operations',
    {
      schema: {
        tags,
        security,
        summary: 'Joint operations the reader may see (a partner: its teams’), newest first',
        response: { 200: z.array(OperationJson), ...errors },
      },
    },
    async (req) => db().transaction((tx) => browseOperations(tx, caller(req))),
  );
  app.post(
    '/api/v1/oversight/operations',
    {
      schema: {
        tags,
        security,
        summary: 'Plan a joint operation (status recommendation); a resent request id answers with the same one',
        body: OperationBody,
        response: { 200: OperationJson, ...errors },
      },
    },
    async (req) => db().transaction((tx) => createOperation(tx, caller(req), req.body)),
  );
  app.get(
    '/api/v1/oversight/operations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'An operation with its findings and report; identities masked for partners unless handed to them',
        params: IdParams,
        response: { 200: OperationDetailJson, ...errors },
      },
    },
    async (req) => {
      const v = await db().transaction((tx) => viewOperation(tx, caller(req), req.params.id));
      return {
        ...v.operation,
        teams: v.teams,
        lodgings: v.lodgings,
        villageCodes: v.villageCodes,
        findings: v.findings,
        report: v.report,
      };
    },
  );
  app.get(
    '/api/v1/oversight/operations/:id/report',
    {
      schema: {
        tags,
        security,
        summary: 'The operation report: people checked, violations by type and nationality, outcomes',
        params: IdParams,
        response: { 200: ReportJson, ...errors },
      },
    },
    async (req) => (await db().transaction((tx) => viewOperation(tx, caller(req), req.params.id))).report,
  );
  app.post(
    '/api/v1/oversight/operations/:id/actions',
    {
      schema: {
        tags,
        security,
        summary: 'Move an operation: prepare, start (in the field), report, cancel',
        params: IdParams,
        body: OperationActionBody,
        response: { 200: OperationJson, ...errors },
      },
    },
    async (req) =>
      db().transaction((tx) => performOperationAction(tx, caller(req), { operationId: req.params.id, ...req.body })),
  );
  app.post(
    '/api/v1/oversight/operations/:id/findings',
    {
      // Two photos in base64, and the rest of the form.
      bodyLimit: Math.ceil((2 * FINDING_PHOTO_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        security,
        summary:
          'Record one check in the field while the operation is in the field; the permit is checked against the registry; a resent request id records once',
        params: IdParams,
        body: FindingApiBody,
        response: { 200: RecordedFindingJson, ...errors },
      },
    },
    async (req) => {
      const { storage } = app.deps;
      const b = req.body;
      const { finding, repeated } = await transactionStoring(db(), storage, (tx, storage) =>
        recordFinding(
          tx,
          caller(req),
          {
            operationId: req.params.id,
            person: findingPerson(b),
            outcome: b.outcome,
            handedToAgencyId: b.handedToAgencyId ?? null,
            violation: b.violation ?? null,
            villageCode: b.villageCode,
            foundAt: b.foundAt,
            note: b.note,
            photos: b.photos,
            requestId: b.requestId,
          },
          { storage },
        ),
      );
      return { ...finding, repeated };
    },
  );
}
