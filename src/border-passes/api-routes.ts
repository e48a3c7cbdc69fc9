import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { ActionBody, IssueBody, PassJson, PassParams } from './inputs.ts';
import { issueBorderPass } from './issue-border-pass.ts';
import { passJson } from './pass-json.ts';
import { performBorderPassAction } from './perform-border-pass-action.ts';
import { authorizeRole } from './policy.ts';
import { viewBorderPass } from './view-border-pass.ts';
import { passWorkflow } from './workflow.ts';

const errors = { 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson };
/** Two photos of up to 2 MB each, in base64. */
const ISSUE_BODY_LIMIT = 6 * 1024 * 1024;

/** The Pas Lintas Batas API for officers: issue (and renew or replace), read one, record a loss or a revocation. */
export function registerBorderPassApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/border-passes',
    {
      bodyLimit: ISSUE_BODY_LIMIT,
      schema: {
        tags: ['border'],
        summary:
          'Issue a Pas Lintas Batas (free), or renew or replace one; refused without reasons on a prevention-list hit',
        description:
          'By the counter of the issuing office (`unitCode`) or an officer on an outreach duty in the roster (`channel: outreach`). The applicant must live in a listed kecamatan: the NIK’s district and the village (`villageCode`) are both checked against the dated list. Two photos, JPEG or PNG by content. A hit on the prevention list answers 422 `border_pass_refused` with no details and records the refusal for the head of office. A resend with the same `requestId` returns the same pass (200).',
        security: [{ bearer: [] }],
        body: IssueBody,
        response: { 200: PassJson, 201: PassJson, ...errors },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'border_pass.issue');
      const result = await transactionStoring(db(), storage, (tx, storage) =>
        issueBorderPass(tx, { ...callerOf(req, actor), actor }, req.body, { storage }),
      );
      if (result.kind === 'refused') throw new AppError('border_pass_refused');
      return reply.code(result.repeated ? 200 : 201).send(passJson(result.pass, config.publicUrl, witaDate()));
    },
  );

  app.get(
    '/api/v1/border-passes/:id',
    {
      schema: {
        tags: ['border'],
        summary: 'One Pas Lintas Batas, for an officer of its unit (audited)',
        security: [{ bearer: [] }],
        params: PassParams,
        response: { 200: PassJson, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'border_pass.view');
      const { pass } = await db().transaction((tx) => viewBorderPass(tx, callerOf(req, actor), req.params.id));
      return passJson(pass, config.publicUrl, witaDate());
    },
  );

  app.post(
    '/api/v1/border-passes/:id/actions',
    {
      schema: {
        tags: ['border'],
        summary: 'Record a pass’s loss (`report_loss`) or revoke it (`revoke`, head of office), with the reason',
        description:
          'A step the pass’s status does not allow answers 409 `invalid_transition` and changes nothing. Renewal and a lost pass’s replacement are issuances: `POST /api/v1/border-passes` with `replaces`.',
        security: [{ bearer: [] }],
        params: PassParams,
        body: ActionBody,
        response: { 200: PassJson, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorizeRole(actor, passWorkflow[req.body.step].by);
      const pass = await db().transaction((tx) =>
        performBorderPassAction(tx, callerOf(req, actor), { passId: req.params.id, ...req.body }),
      );
      return passJson(pass, config.publicUrl, witaDate());
    },
  );
}
