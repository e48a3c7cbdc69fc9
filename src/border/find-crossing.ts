import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { nameKey } from '../watchlist/name-key.ts';
import { namesMatch } from '../watchlist/name-match.ts';
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

/** What names a traveller at the desk: the document, the NIK it leads to, the name and birth date. */
export type TravellerKeys = {
  documentNumber: string;
  nationality: string;
  nik: string | null;
  fullName: string;
  birthDate: string | null;
};

/**
 * A held crossing of the same traveller, anywhere: the same document, the same NIK, or a close name (the ban lists'
 * rule) with the same birth date — one person with a second passport or a PLB. The held crossings of those keys are
 * few (partial indexes on held rows); the names are compared here.
 */
export async function findHeldCrossing(db: Executor, traveller: TravellerKeys): Promise<Crossing | null> {
  const keys: SQL[] = [
    and(eq(crossings.documentNumber, traveller.documentNumber), eq(crossings.nationality, traveller.nationality))!,
  ];
  if (traveller.nik) keys.push(eq(crossings.nik, traveller.nik));
  if (traveller.birthDate) keys.push(eq(crossings.birthDate, traveller.birthDate));
  const held = await db
    .select()
    .from(crossings)
    .where(and(eq(crossings.status, 'held'), or(...keys)));
  const name = nameKey(traveller.fullName);
  const same = (c: Crossing) =>
    (c.documentNumber === traveller.documentNumber && c.nationality === traveller.nationality) ||
    (!!traveller.nik && c.nik === traveller.nik) ||
    (c.birthDate === traveller.birthDate && namesMatch(nameKey(c.fullName), name));
  return held.find(same) ?? null;
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
