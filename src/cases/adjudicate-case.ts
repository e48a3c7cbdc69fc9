import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const adjudicateCase: StepHandler<'adjudicate'> = async () => {
  throw new AppError('invalid_transition');
};
