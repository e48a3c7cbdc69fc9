import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { ForeignerJson, ForeignerParams } from './inputs.ts';
import { viewForeigner } from './view-foreigner.ts';

/** The foreigners register's API. */
export function registerForeignerApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/foreigners/:id',
    {
      schema: {
        tags: ['foreigners'],
        summary: 'One foreigner with every travel document shown and every departure recorded (audited)',
        params: ForeignerParams,
        response: { 200: ForeignerJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      return db().transaction((tx) => viewForeigner(tx, caller, req.params.id));
    },
  );
}
