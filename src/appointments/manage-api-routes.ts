import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateField } from '../platform/http/fields.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { authorizedApplication } from './own-application.ts';
import { rescheduleAppointment } from './reschedule-appointment.ts';

const Params = z.object({ id: z.uuid() });
const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson, 429: ErrorJson };

/** Moving and cancelling an appointment for API clients (bearer tokens), with the same rules as the pages. */
export function registerAppointmentManageApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, secrets } = app.deps;
  const db = () => app.deps.database.db;
  const limit = {
    rateLimit: {
      max: config.booking.ratePerMinute,
      timeWindow: 60_000,
      keyGenerator: (req: { actor: { id: string } | null; ip: string }) => req.actor?.id ?? req.ip,
    },
  };

  app.post(
    '/api/v1/applications/:id/appointment/reschedule',
    {
      schema: {
        tags: ['appointments'],
        summary:
          'Move the appointment to another date: once per appointment, until the day before it (H-1, WITA); returns the new signed QR',
        security: [{ bearer: [] }],
        params: Params,
        body: z.object({ date: isoDateField }),
        response: {
          200: z.object({
            appointment: z.object({
              id: z.string(),
              date: z.string(),
              unitCode: z.string(),
              qr: z.string(),
              reschedules: z.number().int(),
            }),
          }),
          ...errors,
        },
      },
      config: limit,
    },
    async (req) => {
      const actor = requireActor(req);
      const application = await authorizedApplication(db(), actor, req.params.id, 'application.book');
      return db().transaction((tx) =>
        rescheduleAppointment(
          tx,
          callerOf(req, actor),
          { applicationId: application.id, date: req.body.date },
          config.booking,
          secrets.qr,
        ),
      );
    },
  );

  app.post(
    '/api/v1/applications/:id/appointment/cancel',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Cancel an unpaid appointment up to its date; the place is freed and the application can book again',
        security: [{ bearer: [] }],
        params: Params,
        response: {
          200: z.object({ appointment: z.object({ id: z.string(), date: z.string(), state: z.literal('cancelled') }) }),
          ...errors,
        },
      },
      config: limit,
    },
    async (req) => {
      const actor = requireActor(req);
      const application = await authorizedApplication(db(), actor, req.params.id, 'application.book');
      const appointment = await db().transaction((tx) =>
        cancelAppointment(tx, callerOf(req, actor), { applicationId: application.id }),
      );
      return { appointment };
    },
  );
}
