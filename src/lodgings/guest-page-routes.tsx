import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mrzErrorKey } from '../foreigners/inputs.ts';
import { readTravelDocumentMrz } from '../foreigners/read-travel-document-mrz.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors, translateFields } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { checkInGuests } from './check-in-guests.ts';
import { checkOutGuest } from './check-out-guest.ts';
import { assertMayReport, lodgingForMember } from './get-lodging.ts';
import { guestCsvTemplate, parseGuestCsv } from './guest-csv.ts';
import { LodgingParams, parseGuest, StayParams } from './inputs.ts';
import { getStayOfLodging, listGuestsIn } from './list-guests.ts';
import { renderStayReceiptPdf } from './receipt-pdf.ts';
import { CheckInPage, documentFields, stayFields } from './views/check-in-page.tsx';
import { GuestsPage } from './views/guests-page.tsx';
import { ReceiptPage } from './views/receipt-page.tsx';
import { UploadPage, type UploadResult } from './views/upload-page.tsx';

const en = { defaultLang: 'en' } as const;
const loose = z.string().max(1000, 'v.tooLong').optional();
const CheckInPageBody = z.object({
  ...csrfField,
  /** The "Read the MRZ" button: fill the fields from the MRZ and show the form again, record nothing. */
  _readMrz: z.string().max(5).optional(),
  ...Object.fromEntries(['requestId', 'mrz', ...documentFields, ...stayFields].map((f) => [f, loose])),
});
const ReceiptQuery = z.object({ sent: z.enum(['1', 'repeat']).optional() });

/** A lodging's members report guests here (English first): one guest per page, a CSV file, the list to check out. */
export async function registerGuestPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;
  const verifyUrl = (receiptNumber: string) => `${config.publicUrl}/lapor-orang-asing/tanda-terima/${receiptNumber}`;
  const reporting = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    const { lodging } = await lodgingForMember(db(), actor, (req.params as { id: string }).id);
    assertMayReport(lodging);
    return { actor, lodging };
  };

  const checkInPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { lodging } = await reporting(req);
    const values = state.values ?? {};
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    return reply.page(<CheckInPage ctx={reply.ctx()} lodging={lodging} state={state} requestId={requestId} />, status);
  };

  app.get('/lodgings/:id/check-in', { schema: { hide: true, params: LodgingParams }, config: en }, (req, reply) => {
    const now = new Date();
    const time = now.toLocaleTimeString('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit' });
    const today = witaDate(now);
    return checkInPage(req, reply, {
      values: { checkInAt: `${today} ${time}`, expectedCheckOutOn: addDays(today, 1), purpose: 'tourism' },
    });
  });

  app.post(
    '/lodgings/:id/check-in',
    {
      schema: { hide: true, params: LodgingParams, body: CheckInPageBody },
      config: {
        ...en,
        errorPage: (req, reply, error, fields) =>
          checkInPage(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const { actor, lodging } = await reporting(req);
      const body = req.body as Record<string, string | undefined>;
      if (body._readMrz) {
        const reading = readTravelDocumentMrz(body.mrz ?? '', witaDate());
        if (!reading.ok) throw new AppError('validation_failed', { mrz: mrzErrorKey(reading.reason) });
        return checkInPage(req, reply, {
          values: { ...body, ...reading.fields, expiresOn: reading.fields.expiresOn ?? '' },
        });
      }
      const requestId = body.requestId || crypto.randomUUID();
      const fields = Object.fromEntries(
        ['mrz', ...documentFields, ...stayFields].map((f) => [f, body[f]?.trim() || undefined]),
      );
      const parsed = parseGuest({ ...fields, clientId: `web-${requestId}` });
      if (!parsed.ok) throw new AppError('validation_failed', parsed.fields);
      const [result] = await db().transaction(async (tx) => {
        const results = await checkInGuests(tx, callerOf(req, actor), {
          lodgingId: lodging.id,
          channel: 'web',
          entries: [{ guest: parsed.guest }],
        });
        // One guest: its refusal is the form's, and the transaction records nothing.
        if (results[0]?.status === 'rejected') throw new AppError('validation_failed', results[0].errors);
        return results;
      });
      if (!result || result.status === 'rejected') throw new AppError('internal');
      const sent = result.status === 'repeated' ? 'repeat' : '1';
      return reply.redirect(`/lodgings/${lodging.id}/guests/${result.stayId}/receipt?sent=${sent}`, 303);
    },
  );

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
