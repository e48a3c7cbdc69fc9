import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { CaseActionBody } from './inputs.ts';
import { authorizeRole, caseFor } from './case-access.ts';
import { performCaseAction } from './perform-case-action.ts';
import { viewCase } from './view-case.ts';

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
}
