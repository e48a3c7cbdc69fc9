import { z } from 'zod';
import { unitKinds, unitServices, unitStates, weekdays } from './schema.ts';

const timeRange = z.tuple([z.string(), z.string()]);

export const UnitJson = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    parentCode: z.string().nullable(),
    regencyCode: z.string(),
    address: z.string(),
    state: z.enum(unitStates),
    stateSince: z.string().nullable().describe('The day the state took effect (YYYY-MM-DD); null if not recorded'),
    services: z.array(z.enum(unitServices)).describe('Services offered now: none while planned or closed'),
    openingHours: z.record(z.enum(weekdays), z.array(timeRange)).describe('WITA, [open, close] per weekday'),
  })
  .meta({ id: 'Unit' });

export const UnitCodeParams = z.object({ code: z.string().min(1).max(40) });
