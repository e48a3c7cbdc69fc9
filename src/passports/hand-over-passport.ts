import type { StepHandler } from '../cases/case-step.ts';
import { AppError } from '../platform/errors.ts';

export const handOverPassport: StepHandler<'hand_over'> = async () => {
  throw new AppError('invalid_transition');
};
