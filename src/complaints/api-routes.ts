import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, optionalActor, requireActor } from '../platform/http/guards.ts';
import { fileComplaint } from './file-complaint.ts';
import { complaintOfHolder, followComplaint } from './follow-complaint.ts';
import { ComplaintBody, FilingResult, FollowResult, ListQuery } from './inputs.ts';
import { listComplaints } from './list-complaints.ts';
import { authorizeRole } from './policy.ts';
import { complaintCategories, complaintChannels, complaintStatuses, complaintTypes } from './schema.ts';

const ComplaintJson = z.object({
  id: z.string(),
  trackingCode: z.string(),
  channel: z.enum(complaintChannels),
  type: z.enum(complaintTypes),
  category: z.enum(complaintCategories),
  unitCode: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.date(),
  verifyDueOn: z.string(),
  answerDueOn: z.string().nullable(),
  firstAnsweredAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  satisfaction: z.number().int().nullable(),
  overdue: z.object({ verification: z.boolean(), answer: z.boolean() }),
});

export function registerComplaintApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;
  const limited = { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } };

  app.post(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'File a complaint, aspiration, information request or whistle-blowing report (no account needed)',
        description:
          'Returns the tracking code and the secret that follows it, shown once. A resend of the same complaint with the same `requestId` returns the same code and secret; another complaint under a used `requestId` is refused (409). Use a random `requestId`.',
        body: ComplaintBody,
        response: {
          201: FilingResult,
          401: ErrorJson,
          403: ErrorJson,
          409: ErrorJson,
          413: ErrorJson,
          422: ErrorJson,
          429: ErrorJson,
        },
      },
      config: limited,
    },
    async (req, reply) => {
      const { attachments, ...input } = req.body;
      const files = (attachments ?? []).map((a) => ({
        bytes: Buffer.from(a.contentBase64, 'base64'),
        filename: a.filename ?? null,
      }));
      const { trackingCode, secret } = await db().transaction((tx) =>
        fileComplaint(tx, callerOf(req, optionalActor(req)), { ...input, files }, storage),
      );
      return reply.code(201).send({ trackingCode, secret });
    },
  );

  app.get(
    '/api/v1/complaints/:trackingCode',
    {
      schema: {
        tags: ['complaints'],
        summary: "A complaint's status and public replies, for the holder of its secret",
        description: 'A wrong secret is answered exactly as an unknown tracking code (404).',
        params: z.object({ trackingCode: z.string().min(4).max(20) }),
        querystring: z.object({ secret: z.string().max(40) }),
        response: { 200: FollowResult, 404: ErrorJson, 429: ErrorJson },
      },
      config: limited,
    },
    async (req) => followComplaint(db(), await complaintOfHolder(db(), req.params.trackingCode, req.query.secret)),
  );

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Complaints the officer may see (auditors: every unit), with deadlines and overdue flags',
        description: 'Never carries a reporter identity, nor the subject of a whistle-blowing report.',
        security: [{ bearer: [] }],
        querystring: ListQuery,
        response: { 200: z.object({ complaints: z.array(ComplaintJson) }), 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'complaint.view');
      const { unit, ...rest } = req.query;
      const rows = await listComplaints(db(), actor, { unitCode: unit, ...rest }, witaDate());
      return { complaints: rows.map((c) => ComplaintJson.parse(c)) };
    },
  );
}
