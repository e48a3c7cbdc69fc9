import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import type { SurveyService } from './schema.ts';
import { surveyResponses } from './schema.ts';
import { responseValues, type SurveyAnswers } from './inputs.ts';

/** An officer types in a paper questionnaire for the unit; who typed it is kept, the respondent stays anonymous. */
export async function enterPaperSurvey(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; service: SurveyService; answers: SurveyAnswers },
  now = new Date(),
): Promise<{ id: string }> {
  const [row] = await tx
    .insert(surveyResponses)
    .values({
      unitCode: input.unitCode,
      service: input.service,
      source: 'paper',
      ...responseValues(input.answers),
      enteredBy: caller.actor?.id ?? null,
      answeredAt: now,
    })
    .returning({ id: surveyResponses.id });
  await appendAudit(tx, caller, {
    action: 'survey.entered',
    targetType: 'survey_response',
    targetId: row!.id,
    unitCode: input.unitCode,
    details: { service: input.service, source: 'paper' },
  });
  return { id: row!.id };
}
