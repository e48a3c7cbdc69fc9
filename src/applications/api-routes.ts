import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { ApplicationBody, ApplicationCreatedJson } from './inputs.ts';
import { createApplication } from './create-application.ts';
import { authorize } from './policy.ts';
import { actorAndApplication } from './application-access.ts';
import { withdrawApplication } from './withdraw-application.ts';

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
      const created = await db().transaction((tx) =>
        createApplication(tx, callerOf(req, actor), req.body, config.booking),
      );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/v1/applications/:id/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw a submitted application that has no appointment, so the person may apply again',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.withdraw');
      await db().transaction((tx) => withdrawApplication(tx, callerOf(req, actor), { applicationId: req.params.id }));
      return reply.code(204).send(null);
    },
  );
}
