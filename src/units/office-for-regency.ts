import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { unitRegencies } from './schema.ts';

/** The Kantor Imigrasi whose working area holds a regency, or undefined outside NTT's offices. */
export async function officeForRegency(db: Executor, regencyCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ unitCode: unitRegencies.unitCode })
    .from(unitRegencies)
    .where(eq(unitRegencies.regencyCode, regencyCode));
  return row?.unitCode;
}

/** The regencies of an office's working area. */
export async function regenciesOfOffice(db: Executor, unitCode: string): Promise<string[]> {
  const rows = await db
    .select({ regencyCode: unitRegencies.regencyCode })
    .from(unitRegencies)
    .where(eq(unitRegencies.unitCode, unitCode));
  return rows.map((r) => r.regencyCode).sort();
}
