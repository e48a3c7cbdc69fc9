import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { units, type Unit } from './schema.ts';

const kindOrder = { kanwil: 0, kanim: 1, rudenim: 2, pos: 3, plbn: 4 } as const;

/** Units in reading order: the regional office, then each Kantor Imigrasi followed by its posts, then the rest. */
export async function listUnits(db: Executor): Promise<Unit[]> {
  const rows = await db.select().from(units).orderBy(asc(units.code));
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
  return row;
}
