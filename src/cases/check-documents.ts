import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const checkDocuments: StepHandler<'document_check'> = async () => {
  throw new AppError('invalid_transition');
};
