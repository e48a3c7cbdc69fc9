import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mrzErrorKey } from '../foreigners/inputs.ts';
import { readTravelDocumentMrz } from '../foreigners/read-travel-document-mrz.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { transactionStoring } from '../platform/storage/transaction-storing.ts';
import { registerUploadParser, uploadedFileField } from '../platform/storage/upload-parser.ts';
import type { FormState } from '../platform/views/form.tsx';
import { checkInGuest, DOCUMENT_PHOTO_MAX_BYTES } from './check-in-guest.ts';
import { lodgingToReportFor } from './get-lodging.ts';
import { LodgingParams, parseGuest } from './inputs.ts';
import { CheckInPage, documentFields, stayFields } from './views/check-in-page.tsx';

const en = { defaultLang: 'en' } as const;
const loose = z.string().max(1000, 'v.tooLong').optional();
const CheckInPageBody = z.object({
  ...csrfField,
  /** The "Read the MRZ" button: fill the fields from the MRZ and show the form again, record nothing. */
  _readMrz: z.string().max(5).optional(),
  ...Object.fromEntries(['requestId', 'mrz', ...documentFields, ...stayFields].map((f) => [f, loose])),
  /** The photo of the biodata page, optional; its type and size are the use case's to judge (`check-in-guest.ts`). */
  photo: uploadedFileField.optional(),
});
type Loose = Record<string, string | undefined>;

/**
 * One guest per page (English first), for a phone without JavaScript: the MRZ read on the server, the fields, and an
 * optional photo of the biodata page, which makes the form multipart.
 */
export async function registerCheckInPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { storage } = app.deps;
  const db = () => app.deps.database.db;
  const reporting = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    return { actor, lodging: await lodgingToReportFor(db(), actor, (req.params as { id: string }).id) };
  };

  /**
   * The form, first or again. A page shown again cannot hold the file a browser sent: when a photo came with the
   * form and was not itself refused, the page asks for it again rather than losing it silently.
   */
  const checkInPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const { lodging } = await reporting(req);
    const { photo, ...values } = state.values ?? {};
    const requestId = typeof values.requestId === 'string' && values.requestId ? values.requestId : crypto.randomUUID();
    return reply.page(
      <CheckInPage
        ctx={reply.ctx()}
        lodging={lodging}
        state={{ ...state, values }}
        requestId={requestId}
        photoDropped={photo !== undefined && !state.errors?.photo}
        photoMaxMb={DOCUMENT_PHOTO_MAX_BYTES / (1024 * 1024)}
      />,
      status,
    );
  };

  app.get('/lodgings/:id/check-in', { schema: { hide: true, params: LodgingParams }, config: en }, (req, reply) => {
    const now = new Date();
    const time = now.toLocaleTimeString('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit' });
    const today = witaDate(now);
    return checkInPage(req, reply, {
      values: { checkInAt: `${today} ${time}`, expectedCheckOutOn: addDays(today, 1), purpose: 'tourism' },
    });
  });

  // The check-in form is multipart for its optional photo. A photo over the limit is still read (up to three times
  // it), so that the page comes back with every field kept and the limit named on the photo; a larger body is refused
  // before it is read.
  await fastify.register(async (scope) => {
    registerUploadParser(scope, 3 * DOCUMENT_PHOTO_MAX_BYTES, { fields: 24, fieldSize: 2000 });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/lodgings/:id/check-in',
      {
        schema: { hide: true, params: LodgingParams, body: CheckInPageBody },
        config: {
          ...en,
          errorPage: (req, reply, error, fields) => {
            // The parser names a body too large to read "file": on this form it is the photo.
            const { file, ...errors } = formErrors(req.t, error, fields);
            const values = (req.body ?? {}) as Record<string, unknown>;
            return checkInPage(
              req,
              reply,
              { values, errors: file ? { ...errors, photo: file } : errors },
              error.status,
            );
          },
        },
      },
      async (req, reply) => {
        const { actor, lodging } = await reporting(req);
        const { photo } = req.body;
        const body = req.body as Loose;
        if (body._readMrz) {
          const reading = readTravelDocumentMrz(body.mrz ?? '', witaDate());
          if (!reading.ok) throw new AppError('validation_failed', { mrz: mrzErrorKey(reading.reason) });
          return checkInPage(req, reply, {
            values: { ...req.body, ...reading.fields, expiresOn: reading.fields.expiresOn ?? '' },
          });
        }
        const requestId = body.requestId || crypto.randomUUID();
        const fields = Object.fromEntries(
          ['mrz', ...documentFields, ...stayFields].map((f) => [f, body[f]?.trim() || undefined]),
        );
        const parsed = parseGuest({ ...fields, clientId: `web-${requestId}` });
        if (!parsed.ok) throw new AppError('validation_failed', parsed.fields);
        const result = await transactionStoring(db(), storage, (tx, storage) =>
          checkInGuest(tx, callerOf(req, actor), { lodgingId: lodging.id, guest: parsed.guest, photo }, storage),
        );
        const sent = result.status === 'repeated' ? 'repeat' : '1';
        return reply.redirect(`/lodgings/${lodging.id}/guests/${result.stayId}/receipt?sent=${sent}`, 303);
      },
    );
  });
}
