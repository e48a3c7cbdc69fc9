import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors, translateFields } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { sendStoredFile } from '../platform/storage/send-stored-file.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { checkInGuests } from './check-in-guests.ts';
import { checkOutGuest } from './check-out-guest.ts';
import { documentPhotoFilename, findDocumentPhoto } from './find-document-photo.ts';
import { lodgingForMember, lodgingToReportFor } from './get-lodging.ts';
import { guestCsvTemplate, parseGuestCsv } from './guest-csv.ts';
import { LodgingParams, StayParams } from './inputs.ts';
import { getStayOfLodging, listGuestsIn } from './list-guests.ts';
import { renderStayReceiptPdf } from './receipt-pdf.ts';
import { GuestsPage } from './views/guests-page.tsx';
import { ReceiptPage } from './views/receipt-page.tsx';
import { UploadPage, type UploadResult } from './views/upload-page.tsx';

const en = { defaultLang: 'en' } as const;
const ReceiptQuery = z.object({ sent: z.enum(['1', 'repeat']).optional() });

/**
 * A lodging's members' pages (English first) besides the one-guest check-in (`check-in-page-routes.tsx`): receipts,
 * the biodata photo attached to a stay, a CSV file of guests, the list to check out.
 */
export async function registerGuestPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;
  const verifyUrl = (receiptNumber: string) => `${config.publicUrl}/lapor-orang-asing/tanda-terima/${receiptNumber}`;
  const reporting = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    return { actor, lodging: await lodgingToReportFor(db(), actor, (req.params as { id: string }).id) };
  };

  app.get(
    '/lodgings/:id/guests/:stayId/receipt',
    { schema: { hide: true, params: StayParams, querystring: ReceiptQuery }, config: en },
    async (req, reply) => {
      const { lodging } = await lodgingForMember(db(), requireActor(req), req.params.id);
      const stay = await getStayOfLodging(db(), lodging.id, req.params.stayId);
      return reply.page(
        <ReceiptPage
          ctx={reply.ctx()}
          lodging={lodging}
          stay={stay}
          repeated={req.query.sent === 'repeat'}
          verifyUrl={verifyUrl(stay.stay.receiptNumber)}
        />,
      );
    },
  );

  app.get(
    '/lodgings/:id/guests/:stayId/receipt.pdf',
    { schema: { hide: true, params: StayParams }, config: en },
    async (req, reply) => {
      const { lodging } = await lodgingForMember(db(), requireActor(req), req.params.id);
      const stay = await getStayOfLodging(db(), lodging.id, req.params.stayId);
      const pdf = await renderStayReceiptPdf(lodging, stay, verifyUrl(stay.stay.receiptNumber), req.t, req.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${stay.stay.receiptNumber}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/lodgings/:id/guests/:stayId/photo',
    { schema: { hide: true, params: StayParams }, config: en },
    async (req, reply) => {
      const { lodging } = await lodgingForMember(db(), requireActor(req), req.params.id);
      const stored = await storage.get(await findDocumentPhoto(db(), lodging.id, req.params.stayId));
      const filename = documentPhotoFilename(req.params.stayId, stored.mediaType);
      return sendStoredFile(reply, stored, { filename, inline: true });
    },
  );

  app.get(
    '/lodgings/:id/guests',
    {
      schema: { hide: true, params: LodgingParams, querystring: z.object({ out: z.literal('1').optional() }) },
      config: en,
    },
    async (req, reply) => {
      const { lodging } = await lodgingForMember(db(), requireActor(req), req.params.id);
      const guests = await listGuestsIn(db(), lodging.id);
      return reply.page(
        <GuestsPage ctx={reply.ctx()} lodging={lodging} guests={guests} checkedOut={!!req.query.out} />,
      );
    },
  );

  app.post(
    '/lodgings/:id/guests/:stayId/check-out',
    { schema: { hide: true, params: StayParams, body: z.object(csrfField) }, config: en },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) =>
        checkOutGuest(tx, callerOf(req, actor), { lodgingId: req.params.id, stayId: req.params.stayId }),
      );
      return reply.redirect(`/lodgings/${req.params.id}/guests?out=1`, 303);
    },
  );

  app.get('/lodgings/guests-template.csv', { schema: { hide: true }, config: en }, (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="guests-template.csv"')
      .send(guestCsvTemplate),
  );

  const uploadPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState,
    result?: UploadResult,
    status = 200,
  ) => {
    const { lodging } = await reporting(req);
    return reply.page(
      <UploadPage ctx={reply.ctx()} lodging={lodging} state={state} result={result} maxBytes={config.uploadMaxBytes} />,
      status,
    );
  };

  app.get('/lodgings/:id/upload', { schema: { hide: true, params: LodgingParams }, config: en }, (req, reply) =>
    uploadPage(req, reply, {}),
  );

  // Multipart bodies are accepted here only; every other route keeps the platform's body limit.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, config.uploadMaxBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/lodgings/:id/upload',
      {
        schema: { hide: true, params: LodgingParams, body: z.object({ ...csrfField, file: uploadedFileField }) },
        config: {
          ...en,
          errorPage: (req, reply, error, fields) =>
            uploadPage(req, reply, { errors: formErrors(req.t, error, fields) }, undefined, error.status),
        },
      },
      async (req, reply) => {
        const { actor, lodging } = await reporting(req);
        const { entries, problem } = parseGuestCsv(req.body.file.bytes.toString('utf8'));
        if (problem)
          throw new AppError('validation_failed', {
            file: `${req.t('lodgings.intake.upload.line')} ${problem.line}: ${req.t(problem.message)}`,
          });
        const results = await db().transaction((tx) =>
          checkInGuests(tx, callerOf(req, actor), { lodgingId: lodging.id, channel: 'csv', entries }),
        );
        const result: UploadResult = { accepted: 0, repeated: 0, rejected: [] };
        results.forEach((r, i) => {
          if (r.status !== 'rejected') result[r.status] += 1;
          else
            result.rejected.push({
              line: entries[i]!.line,
              problems: Object.entries(translateFields(req.t, r.errors) ?? {}).map(
                ([field, message]) => `${fieldLabel(req, field)}: ${message}`,
              ),
            });
        });
        return uploadPage(req, reply, {}, result);
      },
    );
  });
}

/** A row's field by its CSV column name, as the template writes it. */
function fieldLabel(req: FastifyRequest, field: string): string {
  const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return column === 'client_id' ? 'guest_id' : column === 'mrz' ? req.t('foreigners.fields.mrz') : column;
}
