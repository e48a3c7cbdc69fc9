import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { hashSurveyToken } from './issue-survey-token.ts';
import { surveyTokens } from './schema.ts';

/** What the survey page needs before answering: the token's unit and service, and whether it is spent. */
export async function findSurveyToken(db: Executor, token: string) {
  const [row] = await db
    .select({ unitCode: surveyTokens.unitCode, service: surveyTokens.service, usedAt: surveyTokens.usedAt })
    .from(surveyTokens)
    .where(eq(surveyTokens.tokenHash, hashSurveyToken(token)));
  if (!row) throw new AppError('not_found');
  return row;
}
