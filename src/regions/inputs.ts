import { z } from 'zod';

/** The shape of a Kemendagri village (desa/kelurahan) code, e.g. `53.14.01.2010`. */
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/**
 * A village code as forms and the API send it: its shape only; whether the region tables have it is the use case's
 * to check. `message` for forms where the code comes from a picker rather than typed by hand.
 */
export const villageCodeField = (message = 'v.invalid') => z.string().trim().regex(VILLAGE_CODE, message);
