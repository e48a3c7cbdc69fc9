import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { deferralReasons, type DeferralReason } from './schema.ts';

/** The deferral reasons in the office's order; only the active ones unless `all`. */
export async function listDeferralReasons(db: Executor, options: { all?: boolean } = {}): Promise<DeferralReason[]> {
  return db
    .select()
    .from(deferralReasons)
    .where(options.all ? undefined : eq(deferralReasons.active, true))
    .orderBy(asc(deferralReasons.sort), asc(deferralReasons.code));
}

/** Whether `code` is a reason an interview may defer with today (known and active). */
export async function isActiveDeferralReason(db: Executor, code: string): Promise<boolean> {
  const n = await db.$count(deferralReasons, and(eq(deferralReasons.code, code), eq(deferralReasons.active, true)));
  return n > 0;
}

/** One reason, active or retired. */
export async function getDeferralReason(db: Executor, code: string): Promise<DeferralReason> {
  const [row] = await db.select().from(deferralReasons).where(eq(deferralReasons.code, code));
  if (!row) throw new AppError('not_found');
  return row;
}
