import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf } from '../platform/http/guards.ts';
import { sendStoredFile } from '../platform/storage/send-stored-file.ts';
import { extensionOf, type DocumentMediaType } from '../platform/storage/sniff.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { registerUploadParser } from '../platform/storage/upload-parser.ts';
import { addEvidence, EVIDENCE_MAX_BYTES } from './add-evidence.ts';
import { availableEvaluationSteps, mayWriteUnit } from './available-actions.ts';
import { renderEvaluationPdf } from './evaluation-pdf.ts';
import { renderEvaluationXlsx } from './evaluation-xlsx.ts';
import { ActionBody, EvidencePageBody, EvidenceParams, IdParams, NotesBody, UnitParams } from './inputs.ts';
import { base, pageTools, type Errors, type Values } from './page-tools.ts';
import { performEvaluationAction } from './perform-evaluation-action.ts';
import { findEvidence, viewEvaluation } from './view-evaluation.ts';
import { EvaluationPage } from './views/evaluation-page.tsx';
import { UnitEvaluationPage } from './views/unit-evaluation-page.tsx';
import { writeUnitNotes } from './write-unit-notes.ts';

/** One semester's pages: the ranking and freeze, the reports, each unit's page with its notes and evidence forms. */
export async function registerEvaluationPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db, viewerOf, shownAgain } = pageTools(fastify);
  const params = (req: FastifyRequest) => req.params as { id: string; unitCode: string };

  const evaluationPage = async (req: FastifyRequest, reply: FastifyReply, errors?: Errors, status = 200) => {
    const viewer = await viewerOf(req);
    const view = await viewEvaluation(db(), viewer, params(req).id);
    const page = (
      <EvaluationPage
        ctx={reply.ctx()}
        view={view}
        steps={availableEvaluationSteps(viewer, view.evaluation)}
        requestId={crypto.randomUUID()}
        errors={errors}
      />
    );
    return reply.page(page, status);
  };
  const unitPage = async (req: FastifyRequest, reply: FastifyReply, values?: Values, errors?: Errors, status = 200) => {
    const viewer = await viewerOf(req);
    const { id, unitCode } = params(req);
    const view = await viewEvaluation(db(), viewer, id, unitCode);
    const page = (
      <UnitEvaluationPage
        ctx={reply.ctx()}
        view={view}
        unit={view.units[0]!}
        mayWrite={mayWriteUnit(viewer, view.evaluation, unitCode)}
        requestIds={{ notes: crypto.randomUUID(), evidence: crypto.randomUUID() }}
        state={{ values, errors }}
      />
    );
    return reply.page(page, status);
  };
  app.get(`${base}/evaluations/:id`, { schema: { hide: true, params: IdParams } }, (req, reply) =>
    evaluationPage(req, reply),
  );
  app.post(
    `${base}/evaluations/:id/actions`,
    {
      schema: { hide: true, params: IdParams, body: ActionBody.extend(csrfField) },
      config: {
        errorPage: shownAgain('performance.freeze', (req, reply, _values, errors, status) =>
          evaluationPage(req, reply, errors, status),
        ),
      },
    },
    async (req, reply) => {
      const viewer = await viewerOf(req);
      const { step, requestId } = req.body;
      await db().transaction((tx) =>
        performEvaluationAction(tx, callerOf(req, viewer.actor), viewer, {
          evaluationId: req.params.id,
          step,
          requestId,
        }),
      );
      return reply.redirect(`${base}/evaluations/${req.params.id}`, 303);
    },
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.get(
      `${base}/evaluations/:id/report.${format}`,
      { schema: { hide: true, params: IdParams } },
      async (req, reply) => {
        const view = await viewEvaluation(db(), await viewerOf(req), req.params.id);
        const name = `evaluasi-${view.evaluation.year}-${view.evaluation.half}${view.draft ? '-draf' : ''}.${format}`;
        const body =
          format === 'pdf'
            ? await renderEvaluationPdf(view, req.t, req.lang)
            : await renderEvaluationXlsx(view, req.t, req.lang);
        return reply
          .type(
            format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${name}"`)
          .header('cache-control', 'private, no-store')
          .send(body);
      },
    );
  app.get(`${base}/evaluations/:id/units/:unitCode`, { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    unitPage(req, reply),
  );
  app.post(
    `${base}/evaluations/:id/units/:unitCode/notes`,
    {
      schema: { hide: true, params: UnitParams, body: NotesBody.extend(csrfField) },
      config: { errorPage: shownAgain('performance.write', unitPage) },
    },
    async (req, reply) => {
      const viewer = await viewerOf(req);
      const { id, unitCode } = req.params;
      await db().transaction((tx) =>
        writeUnitNotes(tx, callerOf(req, viewer.actor), viewer, { evaluationId: id, unitCode, ...req.body }),
      );
      return reply.redirect(`${base}/evaluations/${id}/units/${unitCode}`, 303);
    },
  );
  app.get(
    `${base}/evaluations/:id/evidence/:evidenceId`,
    { schema: { hide: true, params: EvidenceParams } },
    async (req, reply) => {
      const evidence = await findEvidence(db(), await viewerOf(req), req.params.id, req.params.evidenceId);
      const stored = await app.deps.storage.get(evidence.storageKey);
      const extension = extensionOf[evidence.mediaType as DocumentMediaType] ?? 'bin';
      return sendStoredFile(reply, stored, { filename: `bukti-${evidence.id}.${extension}` });
    },
  );

  await fastify.register(async (scope) => {
    registerUploadParser(scope, EVIDENCE_MAX_BYTES);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      `${base}/evaluations/:id/units/:unitCode/evidence`,
      {
        schema: { hide: true, params: UnitParams, body: EvidencePageBody },
        config: { errorPage: shownAgain('performance.write', unitPage) },
      },
      async (req, reply) => {
        const viewer = await viewerOf(req);
        const { id, unitCode } = req.params;
        const { ziArea, title, file, requestId } = req.body;
        await transactionStoring(db(), app.deps.storage, (tx, storage) =>
          addEvidence(
            tx,
            callerOf(req, viewer.actor),
            viewer,
            { evaluationId: id, unitCode, ziArea, title, file: file.bytes, requestId },
            { storage },
          ),
        );
        return reply.redirect(`${base}/evaluations/${id}/units/${unitCode}`, 303);
      },
    );
  });
}
