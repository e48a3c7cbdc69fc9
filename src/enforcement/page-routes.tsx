import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getCrossingPoint, listCrossingPoints } from '../crossing-points/get-crossing-point.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import { requestIdField } from '../platform/http/fields.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { sendStoredFile } from '../platform/storage/send-stored-file.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { attachBap } from './attach-bap.ts';
import { renderEmbassyLetterPdf } from './embassy-letter-pdf.ts';
import { CaseActionForm, CaseParams, CasesPageQuery, OpenCaseBody } from './inputs.ts';
import { listCases } from './list-cases.ts';
import { openCase, openCaseInputOf } from './open-case.ts';
import { performCaseAction } from './perform-case-action.ts';
import { roleMay } from './policy.ts';
import type { CaseStatus } from './schema.ts';
import { viewCase } from './view-case.ts';
import { CasePage } from './views/case-page.tsx';
import { CasesPage } from './views/cases-page.tsx';

type Filter = { status?: CaseStatus; unit?: string };
const valuesOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The officers' pages: the units' cases with the form that opens one, and a case with its steps as plain forms. */
export async function registerEnforcementPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const { config, storage } = app.deps;

  const listPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    filter: Filter,
    form: FormState = {},
    status = 200,
  ) => {
    const actor = requireActor(req);
    const { rows, scope } = await db().transaction((tx) =>
      listCases(tx, callerOf(req, actor), { status: filter.status, unitCode: filter.unit }),
    );
    return reply.page(
      <CasesPage
        ctx={reply.ctx()}
        rows={rows}
        scope={scope}
        filter={filter}
        mayOpen={roleMay(actor, 'enforcement.handle')}
        form={form}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  const casePage = async (req: FastifyRequest, reply: FastifyReply, id: string, form: FormState = {}, status = 200) => {
    const caller = callerOf(req, requireActor(req));
    const view = await db().transaction((tx) => viewCase(tx, caller, id));
    const points = view.steps.includes('execute') ? await listCrossingPoints(db()) : [];
    return reply.page(
      <CasePage ctx={reply.ctx()} view={view} points={points} form={form} requestId={crypto.randomUUID()} />,
      status,
    );
  };
  const rerenderCase = (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) =>
    error.status === 403 || error.status === 404
      ? Promise.reject(error)
      : casePage(
          req,
          reply,
          (req.params as { id: string }).id,
          {
            values: valuesOf(req),
            errors: formErrors(req.t, error, fields),
          },
          error.status,
        );

  app.get('/officer/enforcement', { schema: { hide: true, querystring: CasesPageQuery } }, (req, reply) => {
    const { sourceKind, sourceRef, ...filter } = req.query;
    return listPage(req, reply, filter, { values: { sourceKind, sourceRef } });
  });

  app.post(
    '/officer/enforcement/cases',
    {
      schema: { hide: true, body: OpenCaseBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          error.status === 403
            ? Promise.reject(error)
            : listPage(
                req,
                reply,
                {},
                { values: valuesOf(req), errors: formErrors(req.t, error, fields) },
                error.status,
              ),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const opened = await db().transaction((tx) => openCase(tx, caller, openCaseInputOf(req.body)));
      return reply.redirect(`/officer/enforcement/cases/${opened.id}`, 303);
    },
  );

  app.get('/officer/enforcement/cases/:id', { schema: { hide: true, params: CaseParams } }, (req, reply) =>
    casePage(req, reply, req.params.id),
  );

  app.post(
    '/officer/enforcement/cases/:id/actions',
    {
      schema: { hide: true, params: CaseParams, body: CaseActionForm.and(z.object(csrfField)) },
      config: { errorPage: rerenderCase },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => performCaseAction(tx, caller, { ...req.body, caseId: req.params.id }));
      return reply.redirect(`/officer/enforcement/cases/${req.params.id}`, 303);
    },
  );

  app.get(
    '/officer/enforcement/cases/:id/embassy-letter.pdf',
    { schema: { hide: true, params: CaseParams } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const view = await db().transaction((tx) => viewCase(tx, caller, req.params.id));
      if (!view.deportation) throw new AppError('not_found');
      const point = await getCrossingPoint(db(), view.deportation.crossingPointCode);
      const unit = await getUnit(db(), view.case.unitCode);
      const pdf = await renderEmbassyLetterPdf(view, { office: unit.name, exit: point.name }, req.t, req.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="deportasi-${view.case.id.slice(0, 8)}.pdf"`)
        .send(pdf);
    },
  );

  // Never shown inline: a download, so a crafted file cannot run as a page here.
  app.get(
    '/officer/enforcement/cases/:id/bap.pdf',
    { schema: { hide: true, params: CaseParams } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const view = await db().transaction((tx) => viewCase(tx, caller, req.params.id));
      if (!view.case.bapKey) throw new AppError('not_found');
      const stored = await storage.get(view.case.bapKey);
      return sendStoredFile(reply, stored, { filename: `bap-${view.case.id.slice(0, 8)}.pdf` });
    },
  );

  // Multipart bodies are accepted here only; every other route keeps the platform's body limit.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, config.uploadMaxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/officer/enforcement/cases/:id/bap',
      {
        schema: {
          hide: true,
          params: CaseParams,
          body: z.object({ ...csrfField, file: uploadedFileField, requestId: requestIdField }),
        },
        config: { errorPage: rerenderCase },
      },
      async (req, reply) => {
        const caller = callerOf(req, requireActor(req));
        await transactionStoring(db(), storage, (tx, storing) =>
          attachBap(tx, caller, { caseId: req.params.id, file: req.body.file, requestId: req.body.requestId }, storing),
        );
        return reply.redirect(`/officer/enforcement/cases/${req.params.id}`, 303);
      },
    );
  });
}
