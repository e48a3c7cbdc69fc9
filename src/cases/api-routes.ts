import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { CaseActionBody, DeferralReasonChangeBody, NewDeferralReasonBody, reasonCodeField } from './inputs.ts';
import { addDeferralReason } from './add-deferral-reason.ts';
import { authorizeReasonKeeper, authorizeRole, caseFor } from './case-access.ts';
import { performCaseAction } from './perform-case-action.ts';
import { viewCase } from './view-case.ts';
import { listDeferralReasons } from './list-deferral-reasons.ts';
import { authorize } from './policy.ts';
import type { DeferralReason } from './schema.ts';
import { updateDeferralReason } from './update-deferral-reason.ts';

const Params = z.object({ id: z.uuid() });
const ActionResult = z.object({
  applicationId: z.string(),
  status: z.string(),
  holderId: z.string().nullable(),
  action: z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()) }),
});
const HistoryJson = z.array(
  z.object({
    type: z.string(),
    actorId: z.string().nullable(),
    at: z.date(),
    payload: z.record(z.string(), z.unknown()),
  }),
);
const DeferralReasonsJson = z.array(
  z.object({ code: z.string(), nameId: z.string(), nameEn: z.string(), nonProcedural: z.boolean() }),
);
const DeferralReasonJson = z.object({
  code: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  nonProcedural: z.boolean(),
  active: z.boolean(),
  sort: z.number(),
});
const reasonJson = ({ code, nameId, nameEn, nonProcedural, active, sort }: DeferralReason) => ({
  code,
  nameId,
  nameEn,
  nonProcedural,
  active,
  sort,
});
/**
 * What the interview should know (find-attention.ts): never the tip or its sender, which the look-ups do not return.
 * `warnings` is empty for whoever does not interview (admins, counter officers…): policy's `case.warnings`.
 */
const AttentionJson = z.object({
  villages: z.array(
    z.object({
      villageCode: z.string(),
      village: z.string(),
      district: z.string(),
      regency: z.string(),
      unitCode: z.string(),
      via: z.enum(['address', 'nik_district']),
      officers: z.array(z.object({ name: z.string(), phone: z.string() })),
    }),
  ),
  warnings: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      unitCode: z.string(),
      summary: z.string(),
      personName: z.string().nullable(),
      recruiterName: z.string().nullable(),
      areaCode: z.string().nullable(),
      raisedAt: z.date(),
    }),
  ),
});
const CaseJson = z.object({
  applicationId: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  unitCode: z.string().nullable(),
  holderId: z.string().nullable(),
  interview: z
    .object({
      at: z.date(),
      outcome: z.string().nullable(),
      reasonCode: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  attention: AttentionJson,
});
// A base64 photo of up to 2 MB is about 2.7 MB of JSON.
const ACTION_BODY_LIMIT = 4 * 1024 * 1024;

/** The case workflow over the API: one action per request, and the history. */
export function registerCaseApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const { storage } = app.deps;

  app.post(
    '/api/v1/applications/:id/actions',
    {
      bodyLimit: ACTION_BODY_LIMIT,
      schema: {
        tags: ['cases'],
        summary:
          'Run one step on a case held by the caller (take and release included). Resending the same `requestId` changes nothing and answers with the action already recorded.',
        security: [{ bearer: [] }],
        params: Params,
        body: CaseActionBody,
        response: {
          200: ActionResult,
          401: ErrorJson,
          403: ErrorJson,
          404: ErrorJson,
          409: ErrorJson,
          413: ErrorJson,
          422: ErrorJson,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, req.body.type);
      const services = { storage, publicUrl: app.deps.config.publicUrl };
      return db().transaction((tx) =>
        performCaseAction(
          tx,
          { ...callerOf(req, actor), actor },
          { applicationId: req.params.id, body: req.body },
          services,
        ),
      );
    },
  );

  app.get(
    '/api/v1/applications/:id/actions',
    {
      schema: {
        tags: ['cases'],
        summary: "A case's history, oldest first (officers of the unit; every call is audited)",
        security: [{ bearer: [] }],
        params: Params,
        response: { 200: HistoryJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
      config: {
        auditRefusals: {
          action: 'case.view',
          targetType: 'application',
          target: (req) => (req.params as { id?: string }).id,
        },
      },
    },
    async (req) => {
      const { actor } = await caseFor(db(), req, req.params.id, 'case.view');
      const { history } = await db().transaction((tx) => viewCase(tx, callerOf(req, actor), req.params.id));
      return history.map(({ type, actorId, at, payload }) => ({ type, actorId, at, payload }));
    },
  );

  app.get(
    '/api/v1/applications/:id/case',
    {
      schema: {
        tags: ['cases'],
        summary:
          "A case as the counter sees it: status, holder, the latest interview and Desa Binaan's attention note (adopted villages with their officers, open warnings, given only to interviewers and the head of office, empty for others; never who sent a tip). Officers of the unit; audited.",
        security: [{ bearer: [] }],
        params: Params,
        response: { 200: CaseJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
      config: {
        auditRefusals: {
          action: 'case.view',
          targetType: 'application',
          target: (req) => (req.params as { id?: string }).id,
        },
      },
    },
    async (req) => {
      const { actor } = await caseFor(db(), req, req.params.id, 'case.view');
      const view = await db().transaction((tx) => viewCase(tx, callerOf(req, actor), req.params.id));
      const { application: a, interview } = view;
      return {
        applicationId: a.id,
        trackingCode: a.trackingCode,
        status: a.status,
        unitCode: a.unitCode,
        holderId: a.holderId,
        interview: interview && {
          at: interview.at,
          outcome: interview.outcome,
          reasonCode: interview.reasonCode,
          reason: interview.reason,
        },
        attention: view.attention,
      };
    },
  );

  app.get(
    '/api/v1/deferral-reasons',
    {
      schema: {
        tags: ['cases'],
        summary:
          "Why an interview may defer a case: the active reason codes with their names in Indonesian and English, in the office's order; `nonProcedural` marks suspected non-procedural migrant work (officers)",
        security: [{ bearer: [] }],
        response: { 200: DeferralReasonsJson, 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (req) => {
      authorize(requireActor(req), 'deferral_reasons.read', { unitCode: null, scope: [] });
      const reasons = await listDeferralReasons(db());
      return reasons.map(({ code, nameId, nameEn, nonProcedural }) => ({ code, nameId, nameEn, nonProcedural }));
    },
  );

  // Keeping the reasons: refused before the body is read, so who may not keep them learns nothing of its rules.
  const keeperOnly = async (req: FastifyRequest) => authorizeReasonKeeper(db(), requireActor(req));
  app.post(
    '/api/v1/deferral-reasons',
    {
      preValidation: keeperOnly,
      schema: {
        tags: ['cases'],
        summary:
          'Add a deferral reason, active at once (admins of the regional office; audited). A code is taken for good: one already used, or `unrecorded`, is a field error.',
        security: [{ bearer: [] }],
        body: NewDeferralReasonBody,
        response: { 201: DeferralReasonJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const row = await db().transaction((tx) => addDeferralReason(tx, caller, req.body));
      return reply.code(201).send(reasonJson(row));
    },
  );

  app.patch(
    '/api/v1/deferral-reasons/:code',
    {
      preValidation: keeperOnly,
      schema: {
        tags: ['cases'],
        summary:
          "Change a deferral reason's names, order (`sort`) or `active` (false retires it; reasons are never deleted, codes never change). Admins of the regional office; audited.",
        security: [{ bearer: [] }],
        params: z.object({ code: reasonCodeField }),
        body: DeferralReasonChangeBody,
        response: { 200: DeferralReasonJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const row = await db().transaction((tx) => updateDeferralReason(tx, caller, req.params.code, req.body));
      return reasonJson(row);
    },
  );
}
