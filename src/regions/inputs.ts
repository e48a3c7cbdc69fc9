import { z } from 'zod';

/**
 * A Kemendagri village (desa/kelurahan) code as forms and the API send it, e.g. `53.14.01.2010`: its shape only;
 * whether the region tables have it is the use case's to check.
 */
export const villageCodeField = z
  .string()
  .trim()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'v.invalid');
