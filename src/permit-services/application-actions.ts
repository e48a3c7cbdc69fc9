import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { permitApplicationActions, permitApplications, type PermitApplication } from './schema.ts';

/** The application locked for a change, so two officers (or an officer and the bank) take turns. */
export async function lockPermitApplication(tx: Tx, id: string): Promise<PermitApplication> {
  const [application] = await tx.select().from(permitApplications).where(eq(permitApplications.id, id)).for('update');
  if (!application) throw new AppError('not_found');
  return application;
}

export type ApplicationHistoryEntry = {
  type: string;
  at: Date;
  actorId: string | null;
  payload: Record<string, unknown>;
};

export function applicationHistory(db: Executor, applicationId: string): Promise<ApplicationHistoryEntry[]> {
  return db
    .select({
      type: permitApplicationActions.type,
      at: permitApplicationActions.at,
      actorId: permitApplicationActions.actorId,
      payload: permitApplicationActions.payload,
    })
    .from(permitApplicationActions)
    .where(eq(permitApplicationActions.applicationId, applicationId))
    .orderBy(asc(permitApplicationActions.id));
}
