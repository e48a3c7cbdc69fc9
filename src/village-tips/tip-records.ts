import { asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { formText } from '../platform/http/fields.ts';
import { villageTipActions, villageTips, type VillageTip } from './schema.ts';

/** The tip locked for a change, so two officers acting at once take turns and the second sees the first. */
export async function lockTip(tx: Tx, id: string): Promise<VillageTip> {
  const [tip] = await tx.select().from(villageTips).where(eq(villageTips.id, id)).for('update');
  if (!tip) throw new AppError('not_found');
  return tip;
}

export async function getTip(db: Executor, id: string): Promise<VillageTip> {
  const [tip] = await db.select().from(villageTips).where(eq(villageTips.id, id));
  if (!tip) throw new AppError('not_found');
  return tip;
}

/** A history entry as pages show it: no actor (a PIMPASA who typed a tip in would point at the village). */
export type TipHistoryEntry = { type: string; at: Date; payload: Record<string, unknown>; public: boolean };

export function tipHistory(db: Executor, tipId: string): Promise<TipHistoryEntry[]> {
  return db
    .select({
      type: villageTipActions.type,
      at: villageTipActions.at,
      payload: villageTipActions.payload,
      public: villageTipActions.public,
    })
    .from(villageTipActions)
    .where(eq(villageTipActions.tipId, tipId))
    .orderBy(asc(villageTipActions.id));
}

/** The text of an entry: an answer, a note, a reason. */
export const entryText = (entry: Pick<TipHistoryEntry, 'payload'>): string =>
  formText(entry.payload.text ?? entry.payload.note ?? entry.payload.reason);
