import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { crossings, type Crossing } from './schema.ts';

/** Crossings that happened: a cleared or an allowed one. */
const crossed = inArray(crossings.status, ['cleared', 'allowed']);

/** The crossing this officer's request id made, if any: a resent desk form shows it again. */
export async function findResentCrossing(
  db: Executor,
  officerId: string,
  requestId: string | null | undefined,
): Promise<Crossing | null> {
  if (!requestId) return null;
  const [done] = await db
    .select()
    .from(crossings)
    .where(and(eq(crossings.recordedBy, officerId), eq(crossings.requestId, requestId)));
  return done ?? null;
}

/** A held crossing of the same traveller (the same document, or the same NIK), anywhere: the desk stays locked. */
export async function findHeldCrossing(
  db: Executor,
  traveller: { documentNumber: string; nationality: string; nik: string | null },
): Promise<Crossing | null> {
  const sameDocument = and(
    eq(crossings.documentNumber, traveller.documentNumber),
    eq(crossings.nationality, traveller.nationality),
  );
  const same: SQL = traveller.nik ? or(sameDocument, eq(crossings.nik, traveller.nik))! : sameDocument!;
  const [held] = await db
    .select()
    .from(crossings)
    .where(and(eq(crossings.status, 'held'), same))
    .limit(1);
  return held ?? null;
}

/** The pass's latest crossing that happened: a departure not yet followed by an arrival means the holder is out. */
export async function latestPassCrossing(db: Executor, passId: string): Promise<Crossing | null> {
  const [latest] = await db
    .select()
    .from(crossings)
    .where(and(eq(crossings.passId, passId), crossed))
    .orderBy(desc(crossings.recordedAt))
    .limit(1);
  return latest ?? null;
}

export async function getCrossing(db: Executor, id: string): Promise<Crossing> {
  const [crossing] = await db.select().from(crossings).where(eq(crossings.id, id));
  if (!crossing) throw new AppError('not_found');
  return crossing;
}

/** The crossing locked for a decision, so two supervisors cannot decide it at once. */
export async function lockCrossing(tx: Tx, id: string): Promise<Crossing> {
  const [crossing] = await tx.select().from(crossings).where(eq(crossings.id, id)).for('update');
  if (!crossing) throw new AppError('not_found');
  return crossing;
}
