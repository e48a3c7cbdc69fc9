import { asc, eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { applicationActions } from './schema.ts';

export type ApplicationActionEntry = {
  type: string;
  actorId: string | null;
  actorName: string | null;
  at: Date;
  payload: Record<string, unknown>;
};

/** An application's actions, oldest first, with the names of the officers (or citizen) who took them. */
export async function listApplicationActions(db: Executor, applicationId: string): Promise<ApplicationActionEntry[]> {
  return db
    .select({
      type: applicationActions.type,
      actorId: applicationActions.actorId,
      actorName: accounts.name,
      at: applicationActions.at,
      payload: applicationActions.payload,
    })
    .from(applicationActions)
    .leftJoin(accounts, eq(accounts.id, applicationActions.actorId))
    .where(eq(applicationActions.applicationId, applicationId))
    .orderBy(asc(applicationActions.id));
}
