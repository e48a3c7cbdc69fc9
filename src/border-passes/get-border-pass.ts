import { and, asc, desc, eq, or } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { borderPassActions, borderPasses, type BorderPass } from './schema.ts';

export async function getBorderPass(db: Executor, id: string): Promise<BorderPass> {
  const [pass] = await db.select().from(borderPasses).where(eq(borderPasses.id, id));
  if (!pass) throw new AppError('not_found');
  return pass;
}

/** The pass, locked for the rest of the transaction: steps on one pass run one after the other. */
export async function lockBorderPass(tx: Tx, id: string): Promise<BorderPass> {
  const [pass] = await tx.select().from(borderPasses).where(eq(borderPasses.id, id)).for('update');
  if (!pass) throw new AppError('not_found');
  return pass;
}

export async function findPassByRequest(db: Executor, requestId: string): Promise<BorderPass | null> {
  const [pass] = await db.select().from(borderPasses).where(eq(borderPasses.requestId, requestId));
  return pass ?? null;
}

/** The NIK's pass that is still `valid` (perhaps expired): at most one, by the partial unique index. */
export async function findValidPassOfNik(db: Executor, nik: string): Promise<BorderPass | null> {
  const [pass] = await db
    .select()
    .from(borderPasses)
    .where(and(eq(borderPasses.nik, nik), eq(borderPasses.status, 'valid')));
  return pass ?? null;
}

export type PassHistoryEntry = { type: string; at: Date; note: string | null; officerName: string | null };

export function passHistory(db: Executor, id: string): Promise<PassHistoryEntry[]> {
  return db
    .select({
      type: borderPassActions.type,
      at: borderPassActions.at,
      note: borderPassActions.note,
      officerName: accounts.name,
    })
    .from(borderPassActions)
    .leftJoin(accounts, eq(accounts.id, borderPassActions.actorId))
    .where(eq(borderPassActions.passId, id))
    .orderBy(asc(borderPassActions.at));
}

/** A unit's passes, newest first (at most 100), or those whose NIK or number is `query`. */
export function listUnitPasses(db: Executor, unitCode: string, query?: string): Promise<BorderPass[]> {
  const q = query?.trim().toUpperCase();
  return db
    .select()
    .from(borderPasses)
    .where(
      and(eq(borderPasses.unitCode, unitCode), q ? or(eq(borderPasses.nik, q), eq(borderPasses.number, q)) : undefined),
    )
    .orderBy(desc(borderPasses.createdAt))
    .limit(100);
}
