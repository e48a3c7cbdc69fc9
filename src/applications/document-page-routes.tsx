import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formErrors } from '../platform/http/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf } from '../platform/http/guards.ts';
import { extensionOf, type DocumentMediaType } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import { addDocument } from './add-document.ts';
import { actorAndApplication } from './application-access.ts';
import { getDocument } from './get-document.ts';
import { removeDocument } from './remove-document.ts';
import { documentKinds } from './document-kinds.ts';
import { showStep, type WizardDeps } from './wizard-pages.tsx';
import { stepPath } from './wizard-steps.ts';
import { csrfField } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const DocumentParams = Params.extend({ documentId: z.uuid() });
const ChangeQuery = z.object({ change: z.literal('1').optional() });
const UploadBody = z.object({
  ...csrfField,
  kind: z.enum(documentKinds, { error: 'v.choose' }),
  file: uploadedFileField,
});
const DocumentJson = z.object({
  id: z.string(),
  kind: z.enum(documentKinds),
  mediaType: z.string(),
  size: z.number().int(),
});

/** Uploading (page form and API), downloading and removing an application's documents. */
export async function registerDocumentRoutes(fastify: FastifyInstance, storage: Storage): Promise<void> {
  const deps: WizardDeps = { db: () => fastify.deps.database.db, config: fastify.deps.config };
  const db = deps.db;
  const storageLimits = { bytesPerAccount: deps.config.storageQuotaBytes };

  // Multipart bodies are accepted here only; every other route keeps the platform's body limit.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, deps.config.uploadMaxBytes);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/applications/:id/documents',
      {
        schema: { hide: true, params: Params, querystring: ChangeQuery, body: UploadBody },
        config: {
          errorPage: (req, reply, error, fields) => {
            const { kind } = (req.body ?? {}) as { kind?: unknown };
            return showStep(deps, req, reply, (req.params as { id: string }).id, 'documents', {
              values: { kind },
              errors: formErrors(req.t, error, fields),
              status: error.status,
            });
          },
        },
      },
      async (req, reply) => {
        const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.edit');
        await db().transaction((tx) =>
          addDocument(
            tx,
            callerOf(req, actor),
            { applicationId: req.params.id, kind: req.body.kind, file: req.body.file },
            storage,
            storageLimits,
          ),
        );
        return reply.redirect(stepPath(req.params.id, 'documents', !!req.query.change), 303);
      },
    );
    app.post(
      '/api/v1/applications/:id/documents',
      {
        schema: {
          tags: ['applications'],
          summary: 'Upload a document (multipart: `kind` and `file`; JPEG, PNG or PDF, recognised by content)',
          security: [{ bearer: [] }],
          consumes: ['multipart/form-data'],
          params: Params,
          body: UploadBody.omit({ _csrf: true }),
          response: {
            201: DocumentJson,
            401: ErrorJson,
            403: ErrorJson,
            404: ErrorJson,
            409: ErrorJson,
            413: ErrorJson,
            422: ErrorJson,
          },
        },
      },
      async (req, reply) => {
        const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.edit');
        const added = await db().transaction((tx) =>
          addDocument(tx, callerOf(req, actor), { applicationId: req.params.id, ...req.body }, storage, storageLimits),
        );
        return reply.code(201).send(added);
      },
    );
  });

  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Never shown inline: a download with the type found at upload, so a crafted file cannot run as a page here.
  app.get(
    '/applications/:id/documents/:documentId',
    { schema: { hide: true, params: DocumentParams } },
    async (req, reply) => {
      await actorAndApplication(db(), req, req.params.id, 'application.view');
      const document = await getDocument(db(), req.params.id, req.params.documentId);
      const stored = await storage.get(document.storageKey);
      const extension = extensionOf[document.mediaType as DocumentMediaType] ?? 'bin';
      return reply
        .type(document.mediaType)
        .header('content-disposition', `attachment; filename="${document.kind}.${extension}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stored.body);
    },
  );
  app.post(
    '/applications/:id/documents/:documentId/delete',
    {
      schema: {
        hide: true,
        params: DocumentParams,
        querystring: ChangeQuery,
        body: z.object(csrfField),
      },
    },
    async (req, reply) => {
      const { actor } = await actorAndApplication(db(), req, req.params.id, 'application.edit');
      await db().transaction((tx) =>
        removeDocument(tx, callerOf(req, actor), { applicationId: req.params.id, documentId: req.params.documentId }),
      );
      return reply.redirect(stepPath(req.params.id, 'documents', !!req.query.change), 303);
    },
  );
}
