import type { StepHandler } from '../cases/case-step.ts';
import { AppError } from '../platform/errors.ts';

export const checkQuality: StepHandler<'quality_check'> = async () => {
  throw new AppError('invalid_transition');
};
