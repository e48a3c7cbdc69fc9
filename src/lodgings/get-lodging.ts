import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { authorize, type LodgingAction, type MemberRole } from './policy.ts';
import { lodgingActions, lodgingMembers, lodgings, type Lodging, type LodgingStatus } from './schema.ts';

export async function getLodging(db: Executor, id: string): Promise<Lodging> {
  const [row] = await db.select().from(lodgings).where(eq(lodgings.id, id));
  if (!row) throw notFound();
  return row;
}

/** The lodging, locked for the rest of the caller's transaction (a step waits for another on the same lodging). */
export async function lockLodging(tx: Tx, id: string): Promise<Lodging> {
  const [row] = await tx.select().from(lodgings).where(eq(lodgings.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

/** The account's role at the lodging, while it is a member. */
export async function memberRole(db: Executor, lodgingId: string, accountId: string): Promise<MemberRole | null> {
  const [row] = await db
    .select({ role: lodgingMembers.role })
    .from(lodgingMembers)
    .where(
      and(
        eq(lodgingMembers.lodgingId, lodgingId),
        eq(lodgingMembers.accountId, accountId),
        isNull(lodgingMembers.removedAt),
      ),
    );
  return row?.role ?? null;
}

/**
 * The lodging for one of its members: unknown is 404, another lodging's member (or an officer) is refused by the
 * policy. `report` also needs the office's verification: a pending, refused or suspended lodging reports nothing.
 */
export async function lodgingForMember(
  db: Executor,
  actor: Actor | null,
  lodgingId: string,
  action: LodgingAction = 'lodging.report',
): Promise<{ lodging: Lodging; role: MemberRole }> {
  if (!actor) throw new AppError('unauthenticated');
  const lodging = await getLodging(db, lodgingId);
  const role = await memberRole(db, lodgingId, actor.id);
  authorize(actor, action, { member: role });
  return { lodging, role: role! };
}

export function assertMayReport(lodging: Lodging): void {
  if (lodging.status !== 'verified') throw new AppError('lodging_not_verified');
}

/** The lodging a member reports guests for now: one of its members, and the lodging verified. */
export async function lodgingToReportFor(db: Executor, actor: Actor | null, lodgingId: string): Promise<Lodging> {
  const { lodging } = await lodgingForMember(db, actor, lodgingId);
  assertMayReport(lodging);
  return lodging;
}

/** The lodgings the account is a member of, newest first. */
export async function listMyLodgings(db: Executor, accountId: string) {
  return db
    .select({ lodging: lodgings, role: lodgingMembers.role })
    .from(lodgingMembers)
    .innerJoin(lodgings, eq(lodgings.id, lodgingMembers.lodgingId))
    .where(and(eq(lodgingMembers.accountId, accountId), isNull(lodgingMembers.removedAt)))
    .orderBy(desc(lodgings.createdAt));
}

/** The current members with their names and addresses, managers first. */
export async function listMembers(db: Executor, lodgingId: string) {
  return db
    .select({
      accountId: lodgingMembers.accountId,
      role: lodgingMembers.role,
      name: accounts.name,
      email: accounts.email,
    })
    .from(lodgingMembers)
    .innerJoin(accounts, eq(accounts.id, lodgingMembers.accountId))
    .where(and(eq(lodgingMembers.lodgingId, lodgingId), isNull(lodgingMembers.removedAt)))
    .orderBy(asc(lodgingMembers.role), asc(accounts.name));
}
export type LodgingMember = Awaited<ReturnType<typeof listMembers>>[number];

/** The lodgings of these units in these statuses, oldest first (the office answers in order). */
export async function listLodgingsOfUnits(db: Executor, unitCodes: readonly string[], statuses: LodgingStatus[]) {
  if (unitCodes.length === 0) return [];
  return db
    .select()
    .from(lodgings)
    .where(and(inArray(lodgings.unitCode, [...unitCodes]), inArray(lodgings.status, statuses)))
    .orderBy(asc(lodgings.createdAt))
    .limit(500);
}

export async function lodgingHistory(db: Executor, lodgingId: string) {
  return db
    .select()
    .from(lodgingActions)
    .where(eq(lodgingActions.lodgingId, lodgingId))
    .orderBy(asc(lodgingActions.at));
}
