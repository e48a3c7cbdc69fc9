import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const checkWatchlist: StepHandler<'watchlist_check'> = async () => {
  throw new AppError('invalid_transition');
};
