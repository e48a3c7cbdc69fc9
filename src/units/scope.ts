import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';

/** The unit and every unit below it: what an officer of that unit may act on. */
export async function unitScope(db: Executor, unitCode: string): Promise<string[]> {
  const rows = await queryRows<{ code: string }>(
    db,
    sql`
    with recursive tree(code) as (
      select code from units where code = ${unitCode}
      union all
      select u.code from units u join tree t on u.parent_code = t.code)
    select code from tree`,
  );
  return rows.map((r) => r.code);
}

export async function actorScope(db: Executor, actor: Actor | null): Promise<string[]> {
  return actor?.kind === 'officer' && actor.unitCode ? unitScope(db, actor.unitCode) : [];
}
