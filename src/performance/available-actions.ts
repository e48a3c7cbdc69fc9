import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can, type PerformanceViewer } from './policy.ts';
import type { Evaluation } from './schema.ts';
import { evaluationSteps, evaluationWorkflow, unitWritingStep, type EvaluationStep } from './workflow.ts';

/** The steps the viewer may take on the evaluation now, read from the workflow the use case enforces. */
export const availableEvaluationSteps = (viewer: PerformanceViewer, evaluation: Pick<Evaluation, 'status'>) =>
  evaluationSteps.filter(
    (step: EvaluationStep) =>
      stepAllowed(evaluationWorkflow[step], evaluation.status) && can(viewer, evaluationWorkflow[step].by),
  );

/** Whether the viewer may write the unit's notes and evidence now. */
export const mayWriteUnit = (viewer: PerformanceViewer, evaluation: Pick<Evaluation, 'status'>, unitCode: string) =>
  stepAllowed(unitWritingStep, evaluation.status) && can(viewer, unitWritingStep.by, unitCode);
