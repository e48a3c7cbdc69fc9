import { desc, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { detentionAlerts, type DetentionAlert } from './schema.ts';

/** The newest alerts for the units in scope (the detainee's authority, the refugee's Rudenim). */
export async function listAlerts(db: Executor, scope: readonly string[]): Promise<DetentionAlert[]> {
  if (scope.length === 0) return [];
  return db
    .select()
    .from(detentionAlerts)
    .where(inArray(detentionAlerts.unitCode, [...scope]))
    .orderBy(desc(detentionAlerts.raisedOn), desc(detentionAlerts.id))
    .limit(100);
}
