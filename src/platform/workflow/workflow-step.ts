import { AppError, type FieldErrors } from '../errors.ts';

/**
 * One step of a stateful record's workflow, as data: the statuses it may start from, the status it leaves the record
 * in (none: the status stays), who may run it (one of the feature's policy actions, or a kind of caller), and the
 * type its history entry records when that is not the step's own name. The use case enforces the table and the pages
 * read it, so the two never keep separate copies of the rules.
 */
export type WorkflowStep<Status extends string, By extends string> = {
  from: readonly Status[];
  to?: Status;
  by: By;
  records?: string;
  /** How a refusal from another status reads where the step's form shows it on a field; else invalid_transition. */
  refusedAs?: FieldErrors;
};

export function stepAllowed<Status extends string>(step: WorkflowStep<Status, string>, status: Status): boolean {
  return step.from.includes(status);
}

/** Refuses a step the record's status does not allow, naming the step and the status. */
export function assertStepAllowed<Step extends string, Status extends string>(
  workflow: Record<Step, WorkflowStep<Status, string>>,
  step: Step,
  status: Status,
): void {
  const rule = workflow[step];
  if (stepAllowed(rule, status)) return;
  throw rule.refusedAs
    ? new AppError('validation_failed', rule.refusedAs)
    : new AppError('invalid_transition', undefined, { step, status });
}
