import type { StepHandler } from '../cases/case-step.ts';
import { AppError } from '../platform/errors.ts';

export const printPassport: StepHandler<'print'> = async () => {
  throw new AppError('invalid_transition');
};
