import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { departures, foreigners, travelDocuments } from './schema.ts';

/** One person with every document shown and every departure recorded. */
export async function getForeigner(db: Executor, id: string) {
  const [person] = await db.select().from(foreigners).where(eq(foreigners.id, id));
  if (!person) throw notFound();
  const documents = await db
    .select()
    .from(travelDocuments)
    .where(eq(travelDocuments.foreignerId, id))
    .orderBy(asc(travelDocuments.firstSeenAt));
  const left = await db
    .select()
    .from(departures)
    .where(eq(departures.foreignerId, id))
    .orderBy(desc(departures.departedOn));
  return { ...person, documents, departures: left };
}
export type ForeignerRecord = Awaited<ReturnType<typeof getForeigner>>;
