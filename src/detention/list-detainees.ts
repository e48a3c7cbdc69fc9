import { and, asc, desc, eq, inArray, ne, or, type SQL } from 'drizzle-orm';
import { listForeignerNames, type ForeignerName } from '../foreigners/list-foreigner-names.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { actorScope } from '../units/scope.ts';
import { countDetention, countsFrom, ruleOn, type DetentionCount } from './detention-days.ts';
import { authorizeRole } from './policy.ts';
import { detainees, type Detainee, type DetaineeStatus } from './schema.ts';

const LIMIT = 500;

export type DetaineeRow = Detainee & DetentionCount & { person: ForeignerName | null };

/** The count against Pasal 85 for each detainee, with the rule of its (first) placement day. */
export async function withCounts(tx: Tx, rows: Detainee[], today = witaDate()): Promise<(Detainee & DetentionCount)[]> {
  const rules = new Map<string, Awaited<ReturnType<typeof ruleOn>>>();
  const out: (Detainee & DetentionCount)[] = [];
  for (const d of rows) {
    const start = countsFrom(d);
    if (!rules.has(start)) rules.set(start, await ruleOn(tx, start));
    out.push({ ...d, ...countDetention(d, rules.get(start)!, today) });
  }
  return out;
}

/**
 * The detainees the officer may read: those held at a unit in their scope and those their unit placed there titipan;
 * current ones unless a status is asked for, newest first. A list of people: the reading is audited.
 */
export async function listDetainees(
  tx: Tx,
  caller: Caller,
  filter: { status?: DetaineeStatus } = {},
): Promise<{ rows: DetaineeRow[]; scope: string[] }> {
  authorizeRole(caller.actor, 'detention.view');
  const scope = await actorScope(tx, caller.actor);
  const where: (SQL | undefined)[] = [
    or(inArray(detainees.unitCode, scope), inArray(detainees.authorityUnitCode, scope)),
    filter.status ? eq(detainees.status, filter.status) : ne(detainees.status, 'released'),
  ];
  const rows = await tx
    .select()
    .from(detainees)
    .where(and(...where))
    .orderBy(desc(detainees.placedOn), asc(detainees.id))
    .limit(LIMIT);
  const names = await listForeignerNames(
    tx,
    rows.map((r) => r.foreignerId),
  );
  await appendAudit(tx, caller, {
    action: 'detainee.list',
    targetType: 'detainee',
    unitCode: caller.actor?.unitCode ?? null,
    details: { status: filter.status, count: rows.length },
  });
  const counted = await withCounts(tx, rows);
  return { rows: counted.map((r) => ({ ...r, person: names.get(r.foreignerId) ?? null })), scope };
}
