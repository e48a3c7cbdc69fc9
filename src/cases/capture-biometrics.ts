import crypto from 'node:crypto';
import { setApplicationDueDate } from '../applications/set-application-due-date.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { StepHandler } from './case-step.ts';
import { dueDate } from './service-level.ts';

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** Below this (NFIQ-style 0–100 score from the scanner) the prints are taken again, not recorded. */
export const MIN_FINGERPRINT_QUALITY = 40;

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The photo's bytes from base64, with or without a data: URL prefix; null when it is not base64 at all. */
function decodePhoto(text: string): Buffer | null {
  const data = text.replace(/^data:[a-z/+.-]+;base64,/i, '').replace(/\s+/g, '');
  return base64.test(data) && data.length % 4 === 0 ? Buffer.from(data, 'base64') : null;
}

/**
 * Photo and fingerprints. The photo (JPEG or PNG, judged by its content) is stored; the action records only its
 * key and digest. Payment is confirmed before this step, so with biometrics in the service-level clock starts:
 * the case's due date is set on the unit's calendar from today (WITA).
 */
export const captureBiometrics: StepHandler<'capture_biometrics'> = async (ctx, input) => {
  const bytes = decodePhoto(input.photo);
  if (!bytes || bytes.length === 0) throw new AppError('validation_failed', { photo: 'cases.v.photoType' });
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('validation_failed', { photo: 'cases.v.photoTooLarge' });
  const mediaType = await sniffDocument(bytes);
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/png')
    throw new AppError('validation_failed', { photo: 'cases.v.photoType' });
  if (input.fingerprints.quality < MIN_FINGERPRINT_QUALITY)
    throw new AppError('validation_failed', { quality: 'cases.v.fingerprintQuality' });

  const { application } = ctx;
  const key = `biometrics/${application.id}/photo-${crypto.randomUUID()}`;
  await ctx.storage.put(key, bytes, mediaType);
  const dueOn = await dueDate(ctx.tx, application.unitCode!, application.speed ?? 'reguler', witaDate(ctx.now));
  await setApplicationDueDate(ctx.tx, application.id, dueOn);
  return {
    status: 'biometrics_captured',
    payload: {
      photo: { key, mediaType, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
      fingerprints: input.fingerprints,
      dueOn,
    },
  };
};
