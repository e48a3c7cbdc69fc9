import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

export const captureBiometrics: StepHandler<'capture_biometrics'> = async () => {
  throw new AppError('invalid_transition');
};
