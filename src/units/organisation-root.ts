import { asc, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { units } from './schema.ts';

/** The unit at the top of the organisation (the regional office): every unit is in its scope. */
export async function organisationRoot(db: Executor): Promise<string> {
  const [root] = await db
    .select({ code: units.code })
    .from(units)
    .where(isNull(units.parentCode))
    .orderBy(asc(units.code))
    .limit(1);
  if (!root) throw new AppError('not_found');
  return root.code;
}
