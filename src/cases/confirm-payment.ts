import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const confirmPayment: StepHandler<'confirm_payment'> = async () => {
  throw new AppError('invalid_transition');
};
