import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db/index.ts';
import { arrivals, departures, foreigners, travelDocuments } from './schema.ts';

/**
 * "A record of this feature names the person", as an `exists` condition on a foreigner id that a set-based statement
 * here can carry: each feature that keeps a `foreigner_id` owns its own (foreigners may not read their tables), and
 * `src/foreigner-references.ts` lists them all.
 */
export type ForeignerReference = (foreignerId: SQL) => SQL;

/**
 * Deletes those of `candidates` whom nothing names any more (no departure or arrival here, none of `references`
 * holds), with their travel documents, in a few statements for a whole batch; returns how many. Used once the records
 * a person was known from are deleted (lodgings' retention), so that an identity does not outlive the reason to keep it.
 *
 * The people and their documents are locked before anything is looked at: a report that finds the person by a
 * document (`recordForeigners` locks the documents it finds) or a departure or arrival naming them (its foreign key
 * locks the person) either commits first, and the look sees its record, or waits and then finds no one and records a
 * new person.
 */
export async function deleteUnreferencedForeigners(
  tx: Tx,
  candidates: readonly string[],
  references: readonly ForeignerReference[],
): Promise<number> {
  if (candidates.length === 0) return 0;
  const ids = sql`${sql.param([...new Set(candidates)])}::uuid[]`;
  await tx.execute(sql`select 1 from ${foreigners} where id = any(${ids}) order by id for update`);
  await tx.execute(sql`select 1 from ${travelDocuments} where foreigner_id = any(${ids}) order by id for update`);
  const unreferenced = [
    sql`not exists (select 1 from ${departures} d where d.foreigner_id = f.id)`,
    sql`not exists (select 1 from ${arrivals} a where a.foreigner_id = f.id)`,
  ].concat(references.map((named) => sql`not ${named(sql`f.id`)}`));
  const gone = (
    await queryRows<{ id: string }>(
      tx,
      sql`select f.id from ${foreigners} f where f.id = any(${ids}) and ${sql.join(unreferenced, sql` and `)}`,
    )
  ).map((r) => r.id);
  if (gone.length === 0) return 0;
  const doomed = sql`${sql.param(gone)}::uuid[]`;
  await tx.execute(sql`delete from ${travelDocuments} where foreigner_id = any(${doomed})`);
  await tx.execute(sql`delete from ${foreigners} where id = any(${doomed})`);
  return gone.length;
}
