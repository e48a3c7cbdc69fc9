import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, optionalActor, requireActor } from '../platform/http/guards.ts';
import { fileTip } from './file-tip.ts';
import { followTip, tipOfHolder } from './follow-tip.ts';
import {
  FilingResult,
  FollowResult,
  ReporterJson,
  RevealBody,
  TipActionBody,
  TipBody,
  TipListQuery,
  WarningActionBody,
  WarningBody,
  WarningListQuery,
} from './inputs.ts';
import { describeTip, listTips, tipForOfficer } from './list-tips.ts';
import { listWarnings } from './list-warnings.ts';
import { performTipAction } from './perform-tip-action.ts';
import { performWarningAction } from './perform-warning-action.ts';
import { authorizeRole } from './policy.ts';
import { raiseWarning } from './raise-warning.ts';
import { revealTipReporter } from './reveal-tip-reporter.ts';
import { isExpired } from './warning-in-force.ts';
import { tipChannels, tipKinds, tipOutcomes, tipStatuses, warningKinds, warningStatuses } from './schema.ts';

const TipJson = z.object({
  id: z.string(),
  trackingCode: z.string(),
  unitCode: z.string(),
  villageCode: z.string().nullable(),
  kind: z.enum(tipKinds),
  channel: z.enum(tipChannels).nullable().describe('null unless the caller may see who sent the tip'),
  description: z.string(),
  subjectName: z.string().nullable(),
  status: z.enum(tipStatuses),
  assigneeName: z.string().nullable().describe('the oversight officer who took the tip'),
  outcome: z.enum(tipOutcomes).nullable(),
  triageDueOn: z.string(),
  closeDueOn: z.string(),
  receivedAt: z.date(),
  closedAt: z.date().nullable(),
  overdue: z.object({ triage: z.boolean(), close: z.boolean() }),
});
const WarningJson = z.object({
  id: z.string(),
  unitCode: z.string(),
  kind: z.enum(warningKinds),
  status: z.enum(warningStatuses),
  expired: z.boolean().describe('open but past `expiresOn`: no longer read at the interview'),
  summary: z.string(),
  tipId: z.string().nullable(),
  nik: z.string().nullable(),
  personName: z.string().nullable(),
  birthDate: z.string().nullable(),
  recruiterName: z.string().nullable(),
  areaCode: z.string().nullable(),
  raisedAt: z.date(),
  expiresOn: z.string().nullable(),
  closedAt: z.date().nullable(),
});
const IdParams = z.object({ id: z.uuid() });
const officerErrors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson };
const { _csrf: _a, ...actionShape } = TipActionBody.shape;
const { _csrf: _b, ...revealShape } = RevealBody.shape;
const { _csrf: _c, ...warningShape } = WarningBody.shape;
const { _csrf: _d, ...warningActionShape } = WarningActionBody.shape;

/** The JSON API: filing and following (no account), the officers' tips and warnings. */
export function registerTipApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const limited = { rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 } };
  const tags = ['desa-binaan'];

  app.post(
    '/api/v1/village-tips',
    {
      schema: {
        tags,
        summary: 'Ask a question or report a suspicion from a village (no account needed; anonymous allowed)',
        description:
          "Returns the tracking code and the secret that follows it, shown once. A resend with the same `requestId` returns the same code and secret; another tip under a used `requestId` is refused (409). Officers typing in a villager's tip send channel `village_officer`.",
        body: TipBody,
        response: { 201: FilingResult, 401: ErrorJson, 403: ErrorJson, 409: ErrorJson, 422: ErrorJson, 429: ErrorJson },
      },
      config: limited,
    },
    async (req, reply) => {
      const { trackingCode, secret } = await db().transaction((tx) =>
        fileTip(tx, callerOf(req, optionalActor(req)), req.body),
      );
      return reply.code(201).send({ trackingCode, secret });
    },
  );

  app.post(
    '/api/v1/village-tips/follow',
    {
      schema: {
        tags,
        summary: "A tip's status and public answers, for the holder of its secret",
        description: 'A wrong secret is answered exactly as an unknown tracking code (404).',
        body: z.object({ trackingCode: z.string().trim().min(4).max(40), secret: z.string().trim().max(60) }),
        response: { 200: FollowResult, 404: ErrorJson, 429: ErrorJson },
      },
      config: limited,
    },
    async (req) => followTip(db(), await tipOfHolder(db(), req.body.trackingCode, req.body.secret)),
  );

  app.get(
    '/api/v1/village-tips',
    {
      schema: {
        tags,
        summary: "Tips of the officer's scope with deadlines and overdue flags (never who sent them)",
        security: [{ bearer: [] }],
        querystring: TipListQuery,
        response: { 200: z.object({ tips: z.array(TipJson) }), 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.read');
      const rows = await listTips(db(), actor, { unitCode: req.query.unit, status: req.query.status }, witaDate());
      return { tips: rows.map((r) => TipJson.parse(r)) };
    },
  );

  app.get(
    '/api/v1/village-tips/:id',
    {
      schema: {
        tags,
        summary: 'One tip with the steps the officer may take (never who sent it)',
        security: [{ bearer: [] }],
        params: IdParams,
        response: {
          200: z.object({ tip: TipJson, steps: z.array(z.string()), warningIds: z.array(z.string()) }),
          ...officerErrors,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.read');
      const details = await describeTip(db(), actor, await tipForOfficer(db(), actor, req.params.id), witaDate());
      return { tip: TipJson.parse(details.tip), steps: details.steps, warningIds: details.warnings.map((w) => w.id) };
    },
  );

  app.post(
    '/api/v1/village-tips/:id/actions',
    {
      schema: {
        tags,
        summary: 'Triage, answer (public), hand over, note or close a tip',
        security: [{ bearer: [] }],
        params: IdParams,
        body: z.object(actionShape),
        response: { 200: z.object({ tip: TipJson }), ...officerErrors, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.handle');
      const tip = await db().transaction((tx) =>
        performTipAction(tx, callerOf(req, actor), { tipId: req.params.id, ...req.body }),
      );
      return { tip: TipJson.parse((await describeTip(db(), actor, tip, witaDate())).tip) };
    },
  );

  app.post(
    '/api/v1/village-tips/:id/reporter',
    {
      schema: {
        tags,
        summary: "Who sent a tip: oversight officers of the tip's own office, with a reason; every reading is audited",
        security: [{ bearer: [] }],
        params: IdParams,
        body: z.object(revealShape),
        response: { 200: ReporterJson, ...officerErrors, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.identity');
      reply.header('cache-control', 'private, no-store');
      return db().transaction((tx) =>
        revealTipReporter(tx, callerOf(req, actor), { tipId: req.params.id, reason: req.body.reason }),
      );
    },
  );

  app.get(
    '/api/v1/village-warnings',
    {
      schema: {
        tags,
        summary: "Early warnings of the officer's scope",
        security: [{ bearer: [] }],
        querystring: WarningListQuery,
        response: { 200: z.object({ warnings: z.array(WarningJson) }), 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'warning.read');
      const rows = await listWarnings(db(), actor, { status: req.query.status }, witaDate());
      return { warnings: rows.map((w) => WarningJson.parse(w)) };
    },
  );

  app.post(
    '/api/v1/village-warnings',
    {
      schema: {
        tags,
        summary: 'Raise an early warning on a person, a village or a recruiter, from a tip or directly',
        description:
          'The summary is what the passport interviewer reads. A resent `requestId` returns the same warning.',
        security: [{ bearer: [] }],
        body: z.object(warningShape),
        response: { 201: WarningJson, ...officerErrors, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'warning.manage');
      const warning = await db().transaction((tx) => raiseWarning(tx, callerOf(req, actor), req.body));
      return reply.code(201).send(WarningJson.parse({ ...warning, expired: isExpired(warning, witaDate()) }));
    },
  );

  app.post(
    '/api/v1/village-warnings/:id/actions',
    {
      schema: {
        tags,
        summary: 'Add a note to an open warning, or close it',
        security: [{ bearer: [] }],
        params: IdParams,
        body: z.object(warningActionShape),
        response: { 200: WarningJson, ...officerErrors, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'warning.manage');
      const warning = await db().transaction((tx) =>
        performWarningAction(tx, callerOf(req, actor), { warningId: req.params.id, ...req.body }),
      );
      return WarningJson.parse({ ...warning, expired: isExpired(warning, witaDate()) });
    },
  );
}
