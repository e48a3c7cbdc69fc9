import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertStepAllowed, type WorkflowStep } from './workflow-step.ts';

type Status = 'open' | 'done';
const workflow: Record<'finish' | 'join', WorkflowStep<Status, 'anyone'>> = {
  finish: { from: ['open'], to: 'done', by: 'anyone' },
  join: { from: ['open'], by: 'anyone', refusedAs: { code: 'closed' } },
};

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err as AppError;
  }
  return null;
};

describe('workflow steps', () => {
  it('allows a step from the statuses it names and refuses it from any other, naming the step and the status', () => {
    expect(refusal(() => assertStepAllowed(workflow, 'finish', 'open'))).toBeNull();
    expect(refusal(() => assertStepAllowed(workflow, 'finish', 'done'))).toMatchObject({
      code: 'invalid_transition',
      params: { step: 'finish', status: 'done' },
    });
  });

  it('refuses on the form’s field when the step says how its refusal reads', () => {
    expect(refusal(() => assertStepAllowed(workflow, 'join', 'done'))).toMatchObject({
      code: 'validation_failed',
      fields: { code: 'closed' },
    });
  });
});
