import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { hashSurveyToken } from './issue-survey-token.ts';
import { surveyResponses, surveyTokens } from './schema.ts';
import { responseValues, type SurveyAnswers } from './inputs.ts';

/**
 * Saves the answers of a one-time link. The token is spent by a conditional update, so two submissions racing each
 * other save once; a spent token is `already_answered`, an unknown one `not_found`. Nothing links the response to
 * the token or to the person served: the answers stay anonymous.
 */
export async function answerSurvey(
  tx: Tx,
  caller: Caller,
  input: { token: string; answers: SurveyAnswers },
  now = new Date(),
): Promise<{ id: string }> {
  const tokenHash = hashSurveyToken(input.token);
  const [spent] = await tx
    .update(surveyTokens)
    .set({ usedAt: now })
    .where(and(eq(surveyTokens.tokenHash, tokenHash), isNull(surveyTokens.usedAt)))
    .returning({ unitCode: surveyTokens.unitCode, service: surveyTokens.service });
  if (!spent) {
    const [known] = await tx
      .select({ usedAt: surveyTokens.usedAt })
      .from(surveyTokens)
      .where(eq(surveyTokens.tokenHash, tokenHash));
    throw new AppError(known ? 'already_answered' : 'not_found');
  }
  const [row] = await tx
    .insert(surveyResponses)
    .values({
      unitCode: spent.unitCode,
      service: spent.service,
      source: 'link',
      ...responseValues(input.answers),
      answeredAt: now,
    })
    .returning({ id: surveyResponses.id });
  await appendAudit(tx, caller, {
    action: 'survey.answered',
    targetType: 'survey_response',
    targetId: row!.id,
    unitCode: spent.unitCode,
    details: { service: spent.service, source: 'link' },
  });
  return { id: row!.id };
}
