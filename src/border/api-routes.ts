import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { countCrossingsByDay } from './count-crossings.ts';
import { crossingJson } from './crossing-json.ts';
import { decideCrossing } from './decide-crossing.ts';
import {
  CrossingBody,
  CrossingJson,
  CrossingParams,
  DecisionBody,
  PointParams,
  StatsJson,
  StatsQuery,
} from './inputs.ts';
import { authorizeRole } from './policy.ts';
import { recordCrossing } from './record-crossing.ts';
import { viewCrossing } from './view-crossing.ts';

const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

/** The desk's API (record a crossing, get its verdict), the supervisor's decision, and the public daily counts. */
export function registerBorderApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/crossing-points/:code/crossings',
    {
      schema: {
        tags: ['border'],
        summary:
          'Record an arrival or a departure at a crossing point and get the verdict (green or red, with reasons)',
        description:
          'By a desk officer of the point’s unit. Either `scan` (both MRZ lines, or a PLB QR address, token or number) or a passport’s fields typed. Red (a ban-list match, an expired document, a PLB the counterpart refuses today, a foreigner leaving after the permit ended) holds the crossing for a supervisor (`POST /api/v1/crossings/{id}/decision`); while held, the same traveller is refused (422). A resend with the same `requestId` returns the same crossing (200). A ban match says only that there is one and how it matched.',
        security: [{ bearer: [] }],
        params: PointParams,
        body: CrossingBody,
        response: { 200: CrossingJson, 201: CrossingJson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing.record');
      const caller = callerOf(req, actor);
      const { repeated, view } = await db().transaction(async (tx) => {
        const { crossing, repeated } = await recordCrossing(tx, caller, { ...req.body, pointCode: req.params.code });
        return { repeated, view: await viewCrossing(tx, caller, crossing.id) };
      });
      return reply.code(repeated ? 200 : 201).send(crossingJson(view, req.t, req.lang));
    },
  );

  app.post(
    '/api/v1/crossings/:id/decision',
    {
      schema: {
        tags: ['border'],
        summary:
          'A supervisor’s decision on a held crossing: allow, refuse or hand over to another agency, with a reason',
        description:
          'By the head of the point’s office or its oversight officer, never the officer who recorded the crossing (409 `four_eyes_required`). Only a held crossing (else 409 `invalid_transition`). Allowing records the crossing as it happened (a foreigner’s departure closes overstays and lodging stays).',
        security: [{ bearer: [] }],
        params: CrossingParams,
        body: DecisionBody,
        response: { 200: CrossingJson, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing.decide');
      const caller = callerOf(req, actor);
      const view = await db().transaction(async (tx) => {
        await decideCrossing(tx, caller, { ...req.body, crossingId: req.params.id });
        return viewCrossing(tx, caller, req.params.id);
      });
      return crossingJson(view, req.t, req.lang);
    },
  );

  app.get(
    '/api/v1/stats/crossings',
    {
      schema: {
        tags: ['border'],
        summary: 'Crossings per WITA day, point, direction, citizen/foreigner and document (public, counts only)',
        querystring: StatsQuery,
        response: { 200: StatsJson, 422: ErrorJson },
      },
    },
    async (req) => countCrossingsByDay(db(), req.query),
  );
}
