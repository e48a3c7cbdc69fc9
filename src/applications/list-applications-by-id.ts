import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applications, type Application } from './schema.ts';

/** The applications with these ids, in name order (callers that list by another order sort them again). */
export async function listApplicationsById(db: Executor, ids: readonly string[]): Promise<Application[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(applications)
    .where(inArray(applications.id, [...ids]))
    .orderBy(asc(applications.fullName), asc(applications.id));
}
