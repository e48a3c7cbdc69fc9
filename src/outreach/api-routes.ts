import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { getSession } from './load-session.ts';
import { authorize } from './policy.ts';
import { SessionRequestBody } from './inputs.ts';
import { requestSession } from './request-session.ts';
import { organiserKinds } from './schema.ts';
import { sessionReport } from './session-report.ts';
import { upcomingSessions } from './session-queries.ts';

const PublicSessionJson = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  date: z.string(),
  venue: z.string(),
  villageName: z.string().nullable(),
  districtName: z.string().nullable(),
  regencyCode: z.string().nullable(),
  regencyName: z.string().nullable(),
  organiserKind: z.enum(organiserKinds),
  organiserName: z.string(),
  capacity: z.number().int().nullable(),
});

export function registerOutreachApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/outreach/requests',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Request an Eazy Paspor session (public). A resent requestId returns the same session.',
        body: SessionRequestBody,
        response: { 201: z.object({ trackingCode: z.string() }), 422: ErrorJson, 429: ErrorJson },
      },
      config: { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const { trackingCode } = await db().transaction((tx) => requestSession(tx, callerOf(req, null), req.body));
      return reply.code(201).send({ trackingCode });
    },
  );

  app.get(
    '/api/v1/outreach/sessions',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'Upcoming approved Eazy Paspor sessions (from today, WITA), optionally in one regency (53.xx); public fields only',
        querystring: z.object({
          regency: z
            .string()
            .regex(/^\d{2}\.\d{2}$/, 'v.regency')
            .optional(),
        }),
        response: { 200: z.array(PublicSessionJson), 422: ErrorJson },
      },
    },
    async (req) => upcomingSessions(db(), witaDate(), req.query.regency),
  );

  app.get(
    '/api/v1/outreach/sessions/:id/report',
    {
      schema: {
        tags: ['outreach'],
        summary: "A session's numbers: participants, served, deferred, issued, delivered (officers of the unit)",
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            participants: z.number().int(),
            linked: z.number().int(),
            served: z.number().int(),
            deferred: z.number().int(),
            issued: z.number().int(),
            delivered: z.number().int(),
          }),
          401: ErrorJson,
          403: ErrorJson,
          404: ErrorJson,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'session.view');
      const session = await getSession(db(), req.params.id);
      authorize(actor, 'session.view', { unitCode: session.unitCode, scope: await actorScope(db(), actor) });
      return sessionReport(db(), session.id);
    },
  );
}
