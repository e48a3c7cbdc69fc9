import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const interviewApplicant: StepHandler<'interview'> = async () => {
  throw new AppError('invalid_transition');
};
