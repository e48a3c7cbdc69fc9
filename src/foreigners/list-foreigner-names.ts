import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { foreigners, travelDocuments, type Sex } from './schema.ts';

export type ForeignerName = {
  id: string;
  nationality: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: Sex;
};

/** Who these people are (nationality and the latest document's name), for lists of many stays or permits at once. */
export async function listForeignerNames(db: Executor, ids: readonly string[]): Promise<Map<string, ForeignerName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: foreigners.id,
      nationality: foreigners.nationality,
      surname: foreigners.surname,
      givenNames: foreigners.givenNames,
      birthDate: foreigners.birthDate,
      sex: foreigners.sex,
    })
    .from(foreigners)
    .where(inArray(foreigners.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The people who showed a document with this number and nationality (birth dates may differ: two people, or one typed
 * wrongly), for an officer who has the passport in hand but not the birth date. With `lock`, the documents found stay
 * locked against deletion (`delete-unreferenced-foreigners.ts`) until the transaction ends, for a caller about to
 * record something that names the person; one row per document then, as a row lock cannot go with DISTINCT.
 */
export async function findForeignersByDocument(
  db: Executor,
  nationality: string,
  documentNumber: string,
  options: { lock?: boolean } = {},
): Promise<ForeignerName[]> {
  const columns = {
    id: foreigners.id,
    nationality: foreigners.nationality,
    surname: foreigners.surname,
    givenNames: foreigners.givenNames,
    birthDate: foreigners.birthDate,
    sex: foreigners.sex,
  };
  const where = and(eq(travelDocuments.nationality, nationality), eq(travelDocuments.number, documentNumber));
  if (options.lock)
    return db
      .select(columns)
      .from(travelDocuments)
      .innerJoin(foreigners, eq(foreigners.id, travelDocuments.foreignerId))
      .where(where)
      .orderBy(asc(travelDocuments.id))
      .for('key share', { of: travelDocuments });
  return db
    .selectDistinct(columns)
    .from(travelDocuments)
    .innerJoin(foreigners, eq(foreigners.id, travelDocuments.foreignerId))
    .where(where);
}
