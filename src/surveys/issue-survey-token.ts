import crypto from 'node:crypto';
import type { Executor } from '../platform/db/index.ts';
import { surveyTokens, type SurveyService } from './schema.ts';

export const hashSurveyToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * A one-time survey link for someone just served (a hand-over, a visit, a closed complaint), in the caller's
 * transaction. Only the hash is stored; the link goes out by mail or as a QR on the spot.
 */
export async function issueSurveyToken(
  tx: Executor,
  input: { unitCode: string; service: SurveyService; refId?: string | null },
  publicUrl: string,
): Promise<{ token: string; url: string }> {
  const token = crypto.randomBytes(18).toString('base64url');
  await tx.insert(surveyTokens).values({
    tokenHash: hashSurveyToken(token),
    unitCode: input.unitCode,
    service: input.service,
    refId: input.refId ?? null,
  });
  return { token, url: `${publicUrl.replace(/\/$/, '')}/survei/${token}` };
}
