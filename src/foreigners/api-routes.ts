import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { addTravelDocument } from './add-travel-document.ts';
import {
  DepartureBody,
  DepartureJson,
  ForeignerDocumentsJson,
  ForeignerJson,
  ForeignerParams,
  TravelDocumentInput,
} from './inputs.ts';
import type { ForeignerRecords } from './foreigner-records.ts';
import { recordDeparture, type OnDeparture } from './record-departure.ts';
import { viewForeigner } from './view-foreigner.ts';

/** The foreigners register's API. */
export function registerForeignerApiRoutes(
  fastify: FastifyInstance,
  { onDeparture, records }: { onDeparture?: OnDeparture; records?: ForeignerRecords },
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/foreigners/:id',
    {
      schema: {
        tags: ['foreigners'],
        summary:
          'One foreigner with every travel document shown, departures, stay permits and lodging stays (officers; audited)',
        params: ForeignerParams,
        response: { 200: ForeignerJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return db().transaction((tx) => viewForeigner(tx, caller, req.params.id, records));
    },
  );

  app.post(
    '/api/v1/foreigners/:id/documents',
    {
      schema: {
        tags: ['foreigners'],
        summary: 'Link a renewed travel document (fields or MRZ) to the person; the old one stays in the history',
        security: [{ bearer: [] }],
        params: ForeignerParams,
        body: TravelDocumentInput,
        response: { 200: ForeignerDocumentsJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return db().transaction((tx) =>
        addTravelDocument(tx, caller, req.params.id, { ...req.body, expiresOn: req.body.expiresOn ?? null }),
      );
    },
  );

  app.post(
    '/api/v1/foreigners/:id/departures',
    {
      schema: {
        tags: ['foreigners'],
        summary: 'Record that the person left Indonesia (officers; closes their overstays; idempotent by requestId)',
        security: [{ bearer: [] }],
        params: ForeignerParams,
        body: DepartureBody,
        response: { 201: DepartureJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { departedOn, place, requestId } = req.body;
      const departure = await db().transaction((tx) =>
        recordDeparture(tx, caller, { who: { foreignerId: req.params.id }, departedOn, place, requestId }, onDeparture),
      );
      return reply.code(201).send(departure);
    },
  );
}
