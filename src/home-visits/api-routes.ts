import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { HomeVisitBody } from './inputs.ts';
import { requestHomeVisit } from './request-home-visit.ts';

export function registerHomeVisitApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/home-visits',
    {
      schema: {
        tags: ['home-visits'],
        summary:
          'Request a si Koe Peduli visit for yourself or a family member (elderly 60+, disabled, sick, in hospital)',
        description:
          'A resend with the same `requestId` returns the request already made (201 with the same tracking code).',
        security: [{ bearer: [] }],
        body: HomeVisitBody,
        response: {
          201: z.object({ trackingCode: z.string() }),
          401: ErrorJson,
          403: ErrorJson,
          409: ErrorJson,
          422: ErrorJson,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { trackingCode } = await db().transaction((tx) => requestHomeVisit(tx, callerOf(req, actor), req.body));
      return reply.code(201).send({ trackingCode });
    },
  );
}
