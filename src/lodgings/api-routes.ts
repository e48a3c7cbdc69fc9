import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { translateFields } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { checkInGuests, type CheckInEntry, type GuestResult } from './check-in-guests.ts';
import { checkOutGuest } from './check-out-guest.ts';
import {
  BulkCheckInBody,
  BulkCheckInJson,
  CheckOutBody,
  LodgingBody,
  LodgingJson,
  LodgingParams,
  parseGuest,
  StayJson,
  StayParams,
} from './inputs.ts';
import { registerLodging } from './register-lodging.ts';

const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

/** The API's answer for a batch: counts and one result per guest, in the order sent, errors in the caller's language. */
export function batchAnswer(req: FastifyRequest, results: GuestResult[]) {
  const count = (status: GuestResult['status']) => results.filter((r) => r.status === status).length;
  return {
    accepted: count('accepted'),
    repeated: count('repeated'),
    rejected: count('rejected'),
    results: results.map((r) => (r.status === 'rejected' ? { ...r, errors: translateFields(req.t, r.errors) } : r)),
  };
}

/** Lodgings' API: registration, and the hotel software's bulk check-in and check-out. */
export function registerLodgingApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/lodgings',
    {
      schema: {
        tags: ['lodgings'],
        summary: 'Register a lodging (hotel, homestay, kos, villa, liveaboard, private host) for the office to verify',
        description:
          'The account becomes the lodging’s manager. The office is the one whose working area holds the village; a village outside NTT is refused on `villageCode`. A resend with the same `requestId` returns the same lodging.',
        security: [{ bearer: [] }],
        body: LodgingBody,
        response: { 201: LodgingJson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const lodging = await db().transaction((tx) => registerLodging(tx, callerOf(req, actor), req.body));
      const { id, name, kind, status, unitCode } = lodging;
      return reply.code(201).send({ id, name, kind, status, unitCode });
    },
  );

  app.post(
    '/api/v1/lodgings/:id/guests',
    {
      schema: {
        tags: ['lodgings'],
        summary: 'Report up to 1,000 guests’ check-ins at once, each accepted, repeated or rejected on its own',
        description:
          'For a verified lodging, by its manager or reporters (an API token of their account). Each guest: `clientId` (your id; a guest sent again with it is answered `repeated` with the same stay and receipt, never a second stay), the travel document (`mrz`, both lines, or `surname`, `givenNames`, `nationality`, `issuingState`, `documentNumber`, `birthDate`, `sex`, `expiresOn`), `checkInAt` (ISO 8601; without an offset read as WITA; not in the future), `expectedCheckOutOn`, `room`, `purpose` (tourism, business, family, work, study, research, other), `permitSeen`. A rejected guest carries its field errors; the others are recorded. `late`: reported after the deadline in force at check-in (today 24 hours).',
        security: [{ bearer: [] }],
        params: LodgingParams,
        body: BulkCheckInBody,
        response: { 200: BulkCheckInJson, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const entries: CheckInEntry[] = req.body.guests.map((raw) => {
        const parsed = parseGuest(raw);
        if (parsed.ok) return { guest: parsed.guest };
        const clientId = typeof raw.clientId === 'string' ? raw.clientId : null;
        return { clientId, errors: parsed.fields };
      });
      const results = await db().transaction((tx) =>
        checkInGuests(tx, callerOf(req, actor), { lodgingId: req.params.id, channel: 'api', entries }),
      );
      return batchAnswer(req, results);
    },
  );

  app.post(
    '/api/v1/lodgings/:id/guests/:stayId/check-out',
    {
      schema: {
        tags: ['lodgings'],
        summary:
          'Report a guest’s check-out (now, or at `checkOutAt`); a stay already checked out is returned as it is',
        security: [{ bearer: [] }],
        params: StayParams,
        body: CheckOutBody.optional(),
        response: { 200: StayJson, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { stay } = await db().transaction((tx) =>
        checkOutGuest(tx, callerOf(req, actor), {
          lodgingId: req.params.id,
          stayId: req.params.stayId,
          checkOutAt: req.body?.checkOutAt ?? null,
        }),
      );
      return { id: stay.id, receiptNumber: stay.receiptNumber, checkInAt: stay.checkInAt, checkOutAt: stay.checkOutAt };
    },
  );
}
