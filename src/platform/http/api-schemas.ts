import { z } from 'zod';

/** The one error shape of the API. */
export const ErrorJson = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
  })
  .meta({ id: 'Error' });
