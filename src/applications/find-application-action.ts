import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { applicationActions } from './schema.ts';

export type ApplicationAction = typeof applicationActions.$inferSelect;

/** The action a request already recorded on the application: a resent request finds it instead of acting twice. */
export async function findActionByRequestId(
  db: Executor,
  applicationId: string,
  requestId: string,
): Promise<ApplicationAction | undefined> {
  const [action] = await db
    .select()
    .from(applicationActions)
    .where(and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.requestId, requestId)));
  return action;
}

/** The newest action of a type on the application, if it has one. */
export async function findLatestAction(
  db: Executor,
  applicationId: string,
  type: string,
): Promise<ApplicationAction | undefined> {
  const [action] = await db
    .select()
    .from(applicationActions)
    .where(and(eq(applicationActions.applicationId, applicationId), eq(applicationActions.type, type)))
    .orderBy(desc(applicationActions.id))
    .limit(1);
  return action;
}
