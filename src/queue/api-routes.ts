import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateField } from '../platform/http/fields.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf } from '../platform/http/guards.ts';
import { getUnit } from '../units/list-units.ts';
import { callNextTicket } from './call-next-ticket.ts';
import { checkInArrival } from './check-in-arrival.ts';
import { deskOfficer } from './desk-access.ts';
import { markNoShow } from './mark-no-show.ts';
import { queueBoard } from './queue-board.ts';
import { recallTicket } from './recall-ticket.ts';
import { registerPriorityWalkIn } from './register-priority-walk-in.ts';
import { priorityReasons } from './schema.ts';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const text = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
const Applicant = { trackingCode: text(40), birthDate: isoDateField };
const CounterBody = z.object({
  counter: text(40).describe('The counter’s name as the display shows it, e.g. "Loket 1"'),
});

const AdmittedJson = z.object({
  ticket: z.string().describe('e.g. A-012 (booked) or P-003 (priority)'),
  ticketId: z.string(),
  applicationId: z.string(),
  status: z.literal('checked_in'),
  applicant: z
    .object({ fullName: z.string().nullable(), nik: z.string().nullable(), trackingCode: z.string() })
    .describe('To compare with the e-KTP'),
});
const CalledJson = z.object({
  ticket: z.string(),
  ticketId: z.string(),
  applicationId: z.string(),
  counter: z.string(),
  calls: z.number().int(),
});
const refusals = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };

export function registerQueueApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/units/:code/check-ins',
    {
      schema: {
        tags: ['queue'],
        summary: 'Check a booked applicant in (appointment QR, or tracking code and birth date) and issue an A ticket',
        security: [{ bearer: [] }],
        params: UnitParams,
        body: z.union([z.object({ qr: text(500) }), z.object(Applicant)]),
        response: { 201: AdmittedJson, ...refusals },
      },
    },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.check_in');
      const admitted = await db().transaction((tx) =>
        checkInArrival(tx, callerOf(req, actor), { unitCode: req.params.code, ...req.body }, app.deps.secrets.qr),
      );
      return reply.code(201).send(admitted);
    },
  );

  app.post(
    '/api/v1/units/:code/walk-ins',
    {
      schema: {
        tags: ['queue'],
        summary:
          "Register a priority walk-in with a submitted application under today's priority quota and issue a P ticket",
        security: [{ bearer: [] }],
        params: UnitParams,
        body: z.object({
          ...Applicant,
          reason: z.enum(priorityReasons, { error: 'v.choose' }),
          outsideHours: z
            .object({ reason: text(500) })
            .optional()
            .describe(
              "Outside the unit's opening hours (WITA) a walk-in is refused (422, field outsideHours) unless registered on purpose, with the reason, which the history and audit keep",
            ),
        }),
        response: {
          201: AdmittedJson.extend({
            billing: z.object({ code: z.string(), amount: z.number().int(), expiresAt: z.date() }),
          }),
          ...refusals,
        },
      },
    },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.walk_in');
      const admitted = await db().transaction((tx) =>
        registerPriorityWalkIn(tx, callerOf(req, actor), { unitCode: req.params.code, ...req.body }),
      );
      return reply.code(201).send(admitted);
    },
  );

  app.post(
    '/api/v1/units/:code/queue/call',
    {
      schema: {
        tags: ['queue'],
        summary: "Call the unit's next waiting ticket (priority first) to a counter; 409 queue_empty when nobody waits",
        security: [{ bearer: [] }],
        params: UnitParams,
        body: CounterBody,
        response: { 200: CalledJson, ...refusals },
      },
    },
    async (req) => {
      const actor = await deskOfficer(db(), req, 'queue.call');
      return db().transaction((tx) =>
        callNextTicket(tx, callerOf(req, actor), { unitCode: req.params.code, counter: req.body.counter }),
      );
    },
  );

  app.post(
    '/api/v1/units/:code/queue/tickets/:ticketId/recall',
    {
      schema: {
        tags: ['queue'],
        summary: 'Call a ticket again to a counter (also brings back a ticket marked no-show)',
        security: [{ bearer: [] }],
        params: UnitParams.extend({ ticketId: z.uuid() }),
        body: CounterBody,
        response: { 200: CalledJson, ...refusals },
      },
    },
    async (req) => {
      const actor = await deskOfficer(db(), req, 'queue.recall');
      return db().transaction((tx) =>
        recallTicket(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          ticketId: req.params.ticketId,
          counter: req.body.counter,
        }),
      );
    },
  );

  app.post(
    '/api/v1/units/:code/queue/tickets/:ticketId/no-show',
    {
      schema: {
        tags: ['queue'],
        summary: 'Mark a called ticket as not present: it leaves the queue, the application stays checked in',
        security: [{ bearer: [] }],
        params: UnitParams.extend({ ticketId: z.uuid() }),
        response: { 200: z.object({ ticket: z.string() }), ...refusals },
      },
    },
    async (req) => {
      const actor = await deskOfficer(db(), req, 'queue.no_show');
      return db().transaction((tx) =>
        markNoShow(tx, callerOf(req, actor), { unitCode: req.params.code, ticketId: req.params.ticketId }),
      );
    },
  );

  app.get(
    '/api/v1/units/:code/queue',
    {
      schema: {
        tags: ['queue'],
        summary:
          "The unit's call board today: the newest calls and how many wait per series (public, ticket numbers only)",
        params: UnitParams,
        response: {
          200: z.object({
            unitCode: z.string(),
            day: z.string(),
            called: z.array(z.object({ ticket: z.string(), counter: z.string(), calledAt: z.date() })),
            waiting: z.object({ A: z.number().int(), P: z.number().int() }),
          }),
          404: ErrorJson,
        },
      },
    },
    async (req) => {
      const unit = await getUnit(db(), req.params.code);
      return queueBoard(db(), unit.code);
    },
  );
}
