import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { isoDateField } from '../platform/http/fields.ts';
import { ApplicationBody, ApplicationCreatedJson } from './api-schemas.ts';
import { createApplication } from './create-application.ts';
import { authorize } from './policy.ts';
import { trackApplication } from './track-application.ts';

export function registerApplicationApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags: ['applications'],
        summary: 'Submit a passport application; the fee is fixed from the tariff in force today',
        security: [{ bearer: [] }],
        body: ApplicationBody,
        response: { 201: ApplicationCreatedJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'application.create');
      const created = await db().transaction((tx) => createApplication(tx, callerOf(req, actor), req.body, config.booking));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/v1/track',
    {
      schema: {
        tags: ['applications'],
        summary: 'Public status of an application by tracking code and birth date',
        querystring: z.object({ code: z.string().trim().min(1).max(40), birthDate: isoDateField }),
        response: {
          200: z.object({ trackingCode: z.string(), status: z.string(), unitCode: z.string().nullable(), appointmentDate: z.string().nullable() }),
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
}
