import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applications, type Application } from './schema.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

/**
 * The submitted application with this tracking code, bound to the applicant's birth date. An unknown code, a wrong
 * birth date and a draft all give null, so a lookup cannot tell anyone which codes exist. `lock` keeps the row
 * locked until the transaction ends.
 */
export async function findByTrackingCode(
  db: Executor,
  input: { code: string; birthDate: string },
  options: { lock?: boolean } = {},
): Promise<Application | null> {
  const query = db
    .select()
    .from(applications)
    .where(eq(applications.trackingCode, normaliseTrackingCode(input.code)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || row.birthDate !== input.birthDate || row.status === 'draft') return null;
  return row;
}
