import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { PerformanceAction } from './policy.ts';
import type { EvaluationStatus } from './schema.ts';

/** A semester's evaluation: opened by the Kanwil, the units write notes and evidence, the Kanwil's head freezes. */
export const evaluationSteps = ['freeze'] as const;
export type EvaluationStep = (typeof evaluationSteps)[number];

export const evaluationWorkflow: Record<EvaluationStep, WorkflowStep<EvaluationStatus, PerformanceAction>> = {
  freeze: {
    from: ['opened'],
    to: 'frozen',
    by: 'performance.freeze',
    refusedAs: { evaluation: 'performance.v.frozen' },
  },
};

/** A unit's notes and evidence are written while the evaluation is open. */
export const unitWritingStep: WorkflowStep<EvaluationStatus, PerformanceAction> = {
  from: ['opened'],
  by: 'performance.write',
  refusedAs: { evaluation: 'performance.v.frozen' },
};
