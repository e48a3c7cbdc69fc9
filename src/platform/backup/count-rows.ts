import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/index.ts';

/**
 * Rows in every table of every schema but the system's ("schema.table" → count), in one statement: what a backup
 * records and what a restore must find again.
 */
export async function countRows(db: Executor): Promise<Record<string, number>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  if (tables.length === 0) return {};
  const counts = sql.join(
    tables.map(
      (t) =>
        sql`select ${`${t.schema}.${t.name}`} as "table", count(*)::float8 as rows from ${sql.identifier(t.schema)}.${sql.identifier(t.name)}`,
    ),
    sql` union all `,
  );
  const rows = await queryRows<{ table: string; rows: number }>(db, counts);
  return Object.fromEntries(rows.map((r) => [r.table, Number(r.rows)]));
}

/** Tables whose rows differ from what the backup recorded, as "table: found N, recorded M". */
export function differences(recorded: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(recorded), ...Object.keys(found)])].sort();
  return names
    .filter((name) => recorded[name] !== found[name])
    .map((name) => `${name}: found ${found[name] ?? 'no table'}, recorded ${recorded[name] ?? 'no table'}`);
}
