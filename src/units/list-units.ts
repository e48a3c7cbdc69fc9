import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { units, type Unit, type UnitState } from './schema.ts';

/** States in which a unit serves the public: a planned post has not opened yet and a closed one serves no more. */
export const servingStates: readonly UnitState[] = ['active', 'under_revitalisation', 'normalised'];

/**
 * A unit as the rest of the system sees it: `services` are those it offers now, none while planned or closed, so
 * every feature that picks offices by service (booking a passport, si Koe Peduli, Eazy Paspor) leaves it out.
 */
const offered = (unit: Unit): Unit => (servingStates.includes(unit.state) ? unit : { ...unit, services: [] });

/** SQL true when the unit serves the public (for a larger query, as booking's: no date is open at a closed unit). */
export function unitServesSql(unitCode: SQL): SQL {
  return sql`exists (select 1 from units su where su.code = ${unitCode} and su.state in (${sql.join(
    servingStates.map((s) => sql`${s}`),
    sql`, `,
  )}))`;
}

/** Whether the unit serves the public now. */
export async function unitServes(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ state: units.state }).from(units).where(eq(units.code, code));
  return !!row && servingStates.includes(row.state);
}

const kindOrder = { kanwil: 0, kanim: 1, rudenim: 2, pos: 3, plbn: 4 } as const;

/** Units in reading order: the regional office, then each Kantor Imigrasi followed by its posts, then the rest. */
export async function listUnits(db: Executor): Promise<Unit[]> {
  const rows = (await db.select().from(units).orderBy(asc(units.code))).map(offered);
  const byParent = new Map<string | null, Unit[]>();
  for (const row of rows) byParent.set(row.parentCode, [...(byParent.get(row.parentCode) ?? []), row]);
  const ordered: Unit[] = [];
  const visit = (parent: string | null) => {
    const children = (byParent.get(parent) ?? []).sort(
      (a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.name.localeCompare(b.name),
    );
    for (const child of children) {
      ordered.push(child);
      visit(child.code);
    }
  };
  visit(null);
  return ordered;
}

export async function getUnit(db: Executor, code: string): Promise<Unit> {
  const [row] = await db.select().from(units).where(eq(units.code, code));
  if (!row) throw new AppError('not_found');
  return offered(row);
}
