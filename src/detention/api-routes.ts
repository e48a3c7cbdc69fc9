import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { reportOccupancy } from './count-occupancy.ts';
import { getDetainee } from './get-detainee.ts';
import {
  DetaineeActionBody,
  DetaineeDetailJson,
  DetaineeFilter,
  DetaineeJson,
  DetaineeListJson,
  DetaineeParams,
  OccupancyJson,
  OccupancyQuery,
  PlacementBody,
} from './inputs.ts';
import { listDetainees, withCounts, type DetaineeRow } from './list-detainees.ts';
import { performDetaineeAction } from './perform-detainee-action.ts';
import { placeDetainee } from './place-detainee.ts';

const asJson = (d: Omit<DetaineeRow, 'person'> & { person: DetaineeRow['person'] }) => ({
  id: d.id,
  foreignerId: d.foreignerId,
  person: d.person && { surname: d.person.surname, givenNames: d.person.givenNames, nationality: d.person.nationality },
  unitCode: d.unitCode,
  authorityUnitCode: d.authorityUnitCode,
  status: d.status,
  reason: d.reason,
  decisionNumber: d.decisionNumber,
  placedOn: d.placedOn,
  firstPlacedOn: d.firstPlacedOn,
  block: d.block,
  room: d.room,
  days: d.days,
  limitOn: d.limitOn,
  reviewDueOn: d.reviewDueOn,
  releasedOn: d.releasedOn,
  releaseReason: d.releaseReason,
  caseRef: d.caseRef,
});

/** The detention API: placement, the list and one detainee, their steps, and the day's occupancy. */
export function registerDetentionApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

  app.post(
    '/api/v1/detention/detainees',
    {
      schema: {
        tags: ['detention'],
        summary:
          'Place a foreigner in detention on a written decision (UU 6/2011 Pasal 84) with the hand-over record and the property deposited; Rudenim officers; idempotent by requestId',
        security: [{ bearer: [] }],
        body: PlacementBody,
        response: { 201: DetaineeJson, ...errors },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { document, ...rest } = req.body;
      const row = await db().transaction(async (tx) => {
        const placed = await placeDetainee(tx, caller, {
          ...rest,
          document: document && { ...document, expiresOn: document.expiresOn ?? null },
        });
        const [counted] = await withCounts(tx, [placed]);
        return counted!;
      });
      return reply.code(201).send(asJson({ ...row, person: null }));
    },
  );

  app.get(
    '/api/v1/detention/detainees',
    {
      schema: {
        tags: ['detention'],
        summary:
          'Detainees held at the officer’s units or placed there titipan by them (current unless a status is asked), with the day count against Pasal 85; audited',
        security: [{ bearer: [] }],
        querystring: DetaineeFilter,
        response: { 200: DetaineeListJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const { rows } = await db().transaction((tx) => listDetainees(tx, caller, req.query));
      return rows.map(asJson);
    },
  );

  app.get(
    '/api/v1/detention/detainees/:id',
    {
      schema: {
        tags: ['detention'],
        summary:
          'One detainee with the property still deposited and the history (health checks are not in the API); audited',
        security: [{ bearer: [] }],
        params: DetaineeParams,
        response: { 200: DetaineeDetailJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const view = await db().transaction((tx) => getDetainee(tx, caller, req.params.id));
      return {
        ...asJson({ ...view.detainee, person: view.person }),
        property: view.property.balance,
        history: view.history.map((h) => ({ type: h.type, at: h.at, payload: h.payload })),
      };
    },
  );

  app.post(
    '/api/v1/detention/detainees/:id/actions',
    {
      schema: {
        tags: ['detention'],
        summary:
          'A step on a detainee: move, property in/out, health check, visit, temporary leave and return, review, transfer, release; custody steps by the Rudenim, decisions by the authority; idempotent by requestId',
        security: [{ bearer: [] }],
        params: DetaineeParams,
        body: DetaineeActionBody,
        response: { 200: DetaineeJson, ...errors },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const row = await db().transaction(async (tx) => {
        const d = await performDetaineeAction(tx, caller, req.params.id, req.body);
        return (await withCounts(tx, [d]))[0]!;
      });
      return asJson({ ...row, person: null });
    },
  );

  app.get(
    '/api/v1/detention/occupancy',
    {
      schema: {
        tags: ['detention'],
        summary:
          'The daily occupancy of a detention unit in scope: by block (men, women, children under 18, other), by nationality and by authority (the Rudenim or the office placing titipan)',
        security: [{ bearer: [] }],
        querystring: OccupancyQuery,
        response: { 200: OccupancyJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return db().transaction((tx) => reportOccupancy(tx, caller, req.query.unit, req.query.on ?? witaDate()));
    },
  );
}
