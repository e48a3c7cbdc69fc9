import crypto from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db/index.ts';
import type { TravelDocumentFields } from './read-travel-document-mrz.ts';
import { foreigners, travelDocuments } from './schema.ts';

/** A person's identity key: nationality, document number and birth date, as ICAO writes them. */
export const identityKey = (d: Pick<TravelDocumentFields, 'nationality' | 'documentNumber' | 'birthDate'>) =>
  `${d.nationality}|${d.documentNumber}|${d.birthDate}`;

async function knownIds(tx: Tx, docs: TravelDocumentFields[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (docs.length === 0) return known;
  // The keys as three arrays joined to the unique index: a list of row values (`(a, b, c) in (…)`) is planned as a
  // scan of the whole table, which grew to a quarter of a second per 250 guests at 100,000 documents. Each document
  // found stays locked against deletion until this report commits, so the deletion of people nothing names any more
  // (`delete-unreferenced-foreigners.ts`) never takes one this report is naming again; in id order, as it locks them.
  const column = (pick: (d: TravelDocumentFields) => string) => sql.param(docs.map(pick));
  const rows = await queryRows<{ foreigner_id: string; nationality: string; number: string; birth_date: string }>(
    tx,
    sql`select t.foreigner_id, t.nationality, t.number, t.birth_date::text as birth_date
      from unnest(${column((d) => d.nationality)}::bpchar[], ${column((d) => d.documentNumber)}::text[],
        ${column((d) => d.birthDate)}::date[]) as k(nationality, number, birth_date)
      join ${travelDocuments} t
        on t.nationality = k.nationality and t.number = k.number and t.birth_date = k.birth_date
      order by t.id for key share of t`,
  );
  for (const r of rows)
    known.set(
      identityKey({ nationality: r.nationality, documentNumber: r.number, birthDate: r.birth_date }),
      r.foreigner_id,
    );
  return known;
}

/**
 * The people these documents belong to, creating those not seen before: one set of statements for a whole batch
 * (a hotel's 1,000 guests), and safe against another request recording the same passport at the same moment (the
 * unique identity key decides; a person created in vain is removed in this transaction).
 * Returns each document's person id, in the order given.
 */
export async function recordForeigners(tx: Tx, docs: TravelDocumentFields[]): Promise<string[]> {
  const known = await knownIds(tx, docs);
  const fresh = new Map<string, TravelDocumentFields & { id: string }>();
  for (const d of docs) {
    const key = identityKey(d);
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, { ...d, id: crypto.randomUUID() });
  }
  if (fresh.size > 0) {
    // In key order, so that two batches sharing passports insert them in the same order and cannot deadlock.
    const people = [...fresh.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
    // The batch as one JSON parameter (`json_to_recordset`): a thousand people in one statement without row
    // constructors, which cost the server thread more than the database does (and overflow PGlite's stack).
    const batch = JSON.stringify(
      people.map((p) => ({
        id: p.id,
        nationality: p.nationality,
        birth_date: p.birthDate,
        surname: p.surname,
        given_names: p.givenNames,
        sex: p.sex,
        number: p.documentNumber,
        issuing_state: p.issuingState,
        expires_on: p.expiresOn,
      })),
    );
    const rows = sql`json_to_recordset(${batch}::json) as p(id uuid, nationality bpchar, birth_date date, surname text,
      given_names text, sex text, number text, issuing_state bpchar, expires_on date)`;
    await tx.execute(
      sql`insert into ${foreigners} (id, nationality, birth_date, surname, given_names, sex)
        select id, nationality, birth_date, surname, given_names, sex from ${rows}`,
    );
    const inserted = await queryRows<{ foreignerId: string }>(
      tx,
      sql`insert into ${travelDocuments} (foreigner_id, nationality, number, birth_date, issuing_state, expires_on)
        select id, nationality, number, birth_date, issuing_state, expires_on from ${rows}
        on conflict do nothing
        returning foreigner_id as "foreignerId"`,
    );
    const kept = new Set(inserted.map((r) => r.foreignerId));
    const lost = people.filter((p) => !kept.has(p.id));
    for (const p of people) if (kept.has(p.id)) known.set(identityKey(p), p.id);
    if (lost.length > 0) {
      await tx.delete(foreigners).where(
        inArray(
          foreigners.id,
          lost.map((p) => p.id),
        ),
      );
      for (const [key, id] of await knownIds(tx, lost)) known.set(key, id);
    }
  }
  return docs.map((d) => known.get(identityKey(d))!);
}
