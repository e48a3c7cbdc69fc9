import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { registerUploadParser } from '../platform/storage/upload-parser.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { availableOperationSteps, availableRecommendationSteps, mayRecordFindings } from './available-actions.ts';
import { browseTimpora } from './browse-timpora.ts';
import { findingPerson, FindingPageBody, IdParams, OperationActionBody, RecommendationActionBody } from './inputs.ts';
import { listAgencies } from './manage-agencies.ts';
import { renderMinutesPdf } from './minutes-pdf.ts';
import { performOperationAction } from './perform-operation-action.ts';
import { performRecommendationAction } from './perform-recommendation-action.ts';
import { authorize, authorizeRole, roleMay } from './policy.ts';
import { recordFinding } from './record-finding.ts';
import { viewMeeting } from './view-meeting.ts';
import { timporaViewer } from './timpora-viewer.ts';
import { getOperation, viewOperation } from './view-operation.ts';
import { FindingPage } from './views/finding-page.tsx';
import { MeetingPage } from './views/meeting-page.tsx';
import { OperationPage } from './views/operation-page.tsx';
import { OverviewPage } from './views/overview-page.tsx';
import { registerTimporaManagePages } from './manage-page-routes.tsx';

const RecParams = z.object({ id: z.uuid(), recId: z.uuid() });
// A phone photo, scaled by the phone's camera app: well under what a document scan may be.
const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
type Errors = Record<string, string> | undefined;

// The use case names the photos as the API sends them; the form has one, `photo`.
const photoAtItsField = ({ photos, ...errors }: Record<string, string>): Record<string, string> =>
  photos ? { ...errors, photo: photos } : errors;

/** The Timpora pages: overview, meetings with their follow-up, operations and the field form for findings. */
export async function registerTimporaPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const id = (req: FastifyRequest) => (req.params as { id: string }).id;

  const meetingPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors, status = 200) => {
    const caller = callerOf(req, requireActor(req));
    const view = await db().transaction((tx) => viewMeeting(tx, caller, id(req)));
    const recommendations = view.recommendations.map((r) => ({
      ...r,
      steps: availableRecommendationSteps(view.viewer, r, view.team),
    }));
    const page = (
      <MeetingPage
        ctx={reply.ctx()}
        view={view}
        recommendations={recommendations}
        requestId={crypto.randomUUID()}
        errors={errors}
      />
    );
    return reply.page(page, status);
  };
  const operationPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors, status = 200) => {
    const actor = requireActor(req);
    const view = await db().transaction((tx) => viewOperation(tx, callerOf(req, actor), id(req)));
    const page = (
      <OperationPage
        ctx={reply.ctx()}
        view={view}
        steps={availableOperationSteps(actor, view.operation, view.viewer.scope)}
        mayRecord={mayRecordFindings(actor, view.operation, view.viewer.scope)}
        requestId={crypto.randomUUID()}
        errors={errors}
      />
    );
    return reply.page(page, status);
  };
  const findingPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors?: Errors,
    status = 200,
  ) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'timpora.operate');
    // Only the operation is read: a blank form shows no findings, so it is no read for the audit trail.
    const operation = await getOperation(db(), id(req));
    const { scope } = await timporaViewer(db(), actor);
    authorize(actor, 'timpora.operate', { unitCode: operation.unitCode, scope });
    const requestId = typeof values.requestId === 'string' ? values.requestId : crypto.randomUUID();
    const { photo: _, ...shown } = values;
    return reply.page(
      <FindingPage
        ctx={reply.ctx()}
        operation={operation}
        agencies={await listAgencies(db())}
        state={{ values: shown, errors }}
        requestId={requestId}
      />,
      status,
    );
  };
  // A refused or unknown record is answered as such; only a form the reader may send is shown again with its errors,
  // under the refusal's own status (422 bad input, 409 wrong state).
  const rerender =
    (page: (req: FastifyRequest, reply: FastifyReply, errors?: Errors, status?: number) => Promise<unknown>) =>
    (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) =>
      error.status === 409 || error.status === 422
        ? page(req, reply, formErrors(req.t, error, fields), error.status)
        : Promise.reject(error);

  app.get('/officer/timpora', { schema: { hide: true } }, async (req, reply) => {
    const overview = await db().transaction((tx) => browseTimpora(tx, callerOf(req, requireActor(req))));
    const actor = requireActor(req);
    const may = { manage: roleMay(actor, 'timpora.manage'), operate: roleMay(actor, 'timpora.operate') };
    return reply.page(<OverviewPage ctx={reply.ctx()} overview={overview} may={may} />);
  });
  app.get('/officer/timpora/meetings/:id', { schema: { hide: true, params: IdParams } }, (req, reply) =>
    meetingPage(req, reply),
  );
  app.get(
    '/officer/timpora/meetings/:id/minutes.pdf',
    { schema: { hide: true, params: IdParams } },
    async (req, reply) => {
      const view = await db().transaction((tx) => viewMeeting(tx, callerOf(req, requireActor(req)), req.params.id));
      const pdf = await renderMinutesPdf(view, req.t, req.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="notulen-${view.meeting.heldOn}.pdf"`)
        .send(pdf);
    },
  );
  app.post(
    '/officer/timpora/meetings/:id/recommendations/:recId/actions',
    {
      schema: { hide: true, params: RecParams, body: RecommendationActionBody.extend(csrfField) },
      config: { errorPage: rerender(meetingPage) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { step, note, requestId } = req.body;
      await db().transaction((tx) =>
        performRecommendationAction(tx, caller, {
          recommendationId: req.params.recId,
          meetingId: req.params.id,
          step,
          note,
          requestId,
        }),
      );
      return reply.redirect(`/officer/timpora/meetings/${req.params.id}`, 303);
    },
  );
  app.get('/officer/timpora/operations/:id', { schema: { hide: true, params: IdParams } }, (req, reply) =>
    operationPage(req, reply),
  );
  app.post(
    '/officer/timpora/operations/:id/actions',
    {
      schema: { hide: true, params: IdParams, body: OperationActionBody.extend(csrfField) },
      config: { errorPage: rerender(operationPage) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { step, note, requestId } = req.body;
      await db().transaction((tx) =>
        performOperationAction(tx, caller, { operationId: req.params.id, step, note, requestId }),
      );
      return reply.redirect(`/officer/timpora/operations/${req.params.id}`, 303);
    },
  );
  app.get('/officer/timpora/operations/:id/findings/new', { schema: { hide: true, params: IdParams } }, (req, reply) =>
    findingPage(req, reply, {}),
  );

  registerTimporaManagePages(fastify);
  await fastify.register(async (scope) => {
    registerUploadParser(scope, PHOTO_MAX_BYTES, { fields: 20, fieldSize: 2000 });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/officer/timpora/operations/:id/findings',
      {
        schema: { hide: true, params: IdParams, body: z.intersection(FindingPageBody, z.object(csrfField)) },
        config: {
          errorPage: (req, reply, error, fields) =>
            error.status === 409 || error.status === 422
              ? findingPage(
                  req,
                  reply,
                  (req.body ?? {}) as Record<string, unknown>,
                  photoAtItsField(formErrors(req.t, error, fields)),
                  error.status,
                )
              : Promise.reject(error),
        },
      },
      async (req, reply) => {
        const caller = callerOf(req, requireActor(req));
        const b = req.body;
        await transactionStoring(db(), app.deps.storage, (tx, storage) =>
          recordFinding(
            tx,
            caller,
            {
              operationId: req.params.id,
              person: findingPerson(b),
              outcome: b.outcome,
              handedToAgencyId: b.handedToAgencyId ?? null,
              violation: b.violation ?? null,
              villageCode: b.villageCode,
              foundAt: b.foundAt,
              note: b.note,
              photos: b.photo ? [b.photo.bytes] : [],
              requestId: b.requestId,
            },
            { storage },
          ),
        );
        return reply.redirect(`/officer/timpora/operations/${req.params.id}`, 303);
      },
    );
  });
}
