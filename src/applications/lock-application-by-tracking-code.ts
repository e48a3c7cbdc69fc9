import { eq } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { applications, type Application } from './schema.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

/** The application with this tracking code (as people type it), locked until the transaction ends; none if unknown. */
export async function lockApplicationByTrackingCode(tx: Tx, trackingCode: string): Promise<Application | null> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(eq(applications.trackingCode, normaliseTrackingCode(trackingCode)))
    .for('update');
  return row ?? null;
}
