import { z } from 'zod';
import { requiredText } from '../platform/http/fields.ts';

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'v.required')
  .max(254, 'v.tooLong')
  .pipe(z.email('v.email'));
// Length over composition rules (NIST SP 800-63B); the upper bound keeps hashing cheap.
export const newPasswordField = z.string().min(10, 'v.passwordShort').max(200, 'v.tooLong');
export const passwordField = z.string().min(1, 'v.required').max(200, 'v.tooLong');
export const nameField = requiredText(120);
export const totpField = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'v.totp');
