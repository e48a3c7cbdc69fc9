import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateField, periodOfAtMost } from '../platform/http/fields.ts';
import { authorize as authorizeApplication } from '../applications/policy.ts';
import { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { getUnit } from '../units/list-units.ts';
import { actorScope } from '../units/scope.ts';
import { availability } from './availability.ts';
import { bookFromSituation, readBookingRequest } from './book-appointment.ts';
import { authorize } from './policy.ts';
import { channels, passportChannels } from './schema.ts';
import { setQuota } from './set-quota.ts';
import { trackApplication } from './track-application.ts';
import { passForBooking, type WaitingRoom } from '../waiting-room/register.ts';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const channelField = z.enum(channels, { error: 'v.choose' });

export function registerAppointmentApi(fastify: FastifyInstance, room: WaitingRoom): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/track',
    {
      schema: {
        tags: ['applications'],
        summary: 'Public status of an application by tracking code and birth date',
        querystring: z.object({ code: z.string().trim().min(1).max(40), birthDate: isoDateField }),
        response: {
          200: z.object({
            trackingCode: z.string(),
            status: z.string(),
            unitCode: z.string().nullable(),
            appointmentDate: z.string().nullable(),
          }),
          404: ErrorJson,
        },
      },
      config: { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } },
    },
    async (req) => {
      const found = await trackApplication(db(), req.query.code, req.query.birthDate);
      if (!found) throw new AppError('not_found');
      return found;
    },
  );

  app.get(
    '/api/v1/units/:code/availability',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Capacity, places left and whether each date can be booked (dates in WITA)',
        params: UnitParams,
        querystring: z
          .object({
            from: isoDateField,
            to: isoDateField,
            // Citizens book the passport channels; stay-permit visits are booked on the permit application's page.
            channel: z.enum(passportChannels, { error: 'v.choose' }).default('online'),
            passportType: z.enum(['biasa', 'elektronik']).optional(),
          })
          .refine(periodOfAtMost(92), { message: 'v.dateRange', path: ['to'] }),
        response: {
          200: z.array(
            z.object({ date: z.string(), capacity: z.number().int(), remaining: z.number().int(), open: z.boolean() }),
          ),
          404: ErrorJson,
          422: ErrorJson,
        },
      },
    },
    async (req) => {
      await getUnit(db(), req.params.code);
      return availability(db(), { unitCode: req.params.code, ...req.query, now: new Date(), rules: config.booking });
    },
  );

  app.put(
    '/api/v1/units/:code/quotas/:date',
    {
      schema: {
        tags: ['appointments'],
        summary: "Set a date's capacity for a channel (head of office or admin of the unit)",
        security: [{ bearer: [] }],
        params: UnitParams.extend({ date: isoDateField }),
        body: z.object({
          channel: channelField,
          capacity: z.number({ error: 'v.number' }).int('v.number').min(0, 'v.number').max(10_000, 'v.number'),
        }),
        response: {
          200: z.object({
            date: z.string(),
            channel: z.string(),
            capacity: z.number().int(),
            booked: z.number().int(),
            remaining: z.number().int(),
          }),
          401: ErrorJson,
          403: ErrorJson,
          404: ErrorJson,
          422: ErrorJson,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'quota.edit', { unitCode: req.params.code, scope: await actorScope(db(), actor) });
      return db().transaction((tx) =>
        setQuota(tx, callerOf(req, actor), { unitCode: req.params.code, date: req.params.date, ...req.body }),
      );
    },
  );

  // Per account (scalpers rotate IPs and tokens, not verified accounts): counted once the route has read its actor.
  const bookingsPerAccount = app.rateLimit({
    max: config.booking.ratePerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => `booking:${req.actor!.id}`,
  });
  app.post(
    '/api/v1/applications/:id/appointment',
    {
      schema: {
        tags: ['appointments'],
        summary:
          'Book a date for a submitted application; returns the signed QR and a billing code valid for two hours',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.object({
          date: isoDateField,
          /** At quota release: the pass from GET/POST /api/v1/units/{code}/waiting-room once admitted. */
          waitingRoomPass: z.string().max(200).optional(),
        }),
        response: {
          201: z.object({
            appointment: z.object({ date: z.string(), unitCode: z.string(), qr: z.string() }),
            billing: z.object({ code: z.string(), amount: z.number().int(), expiresAt: z.date() }),
          }),
          401: ErrorJson,
          403: ErrorJson,
          404: ErrorJson,
          409: ErrorJson,
          422: ErrorJson,
          428: ErrorJson,
          429: ErrorJson,
        },
      },
      config: { actorReadByRoute: true },
    },
    async (req, reply) => {
      // One read for the token's actor, the application's owner and the day; one statement books (see bookAppointment).
      if (!req.bearerToken) throw new AppError('unauthenticated');
      const token = { token: req.bearerToken, uses: app.deps.tokenUses };
      const { actor, situation } = await readBookingRequest(db(), token, {
        applicationId: req.params.id,
        date: req.body.date,
      });
      if (!actor) throw new AppError('unauthenticated');
      req.actor = actor;
      await bookingsPerAccount.call(app, req, reply);
      if (!situation) throw new AppError('not_found');
      authorizeApplication(actor, 'application.book', {
        accountId: situation.accountId,
        unitCode: situation.unitCode,
        scope: [],
      });
      // Checked here, spent by the booking's statement.
      const pass = passForBooking(
        room,
        { unitCode: situation.unitCode, accountId: actor.id },
        situation.liveId !== null,
        req.body.waitingRoomPass,
      );
      const booked = await bookFromSituation(
        db(),
        callerOf(req, actor),
        { applicationId: req.params.id, date: req.body.date, pass },
        situation,
        config.booking,
        app.deps.secrets.qr,
      );
      return reply.code(201).send(booked);
    },
  );
}
