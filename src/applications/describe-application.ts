import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { findVillage } from '../regions/find-village.ts';
import { getUnit } from '../units/list-units.ts';
import { listDocuments, type DocumentSummary } from './required-documents.ts';
import { applicationActions, type Application } from './schema.ts';

export type HistoryEntry = { type: string; at: Date; payload: Record<string, unknown> };
export type ApplicationDescription = {
  unitName: string | null;
  regionName: string | null;
  documents: DocumentSummary[];
  history: HistoryEntry[];
};

/** "Village, district, regency" for a village code, as the applicant picked it. */
async function regionName(db: Executor, villageCode: string | null): Promise<string | null> {
  if (!villageCode) return null;
  const row = await findVillage(db, villageCode);
  return row ? `${row.village}, ${row.district}, ${row.regency}` : villageCode;
}

/** What the application pages show besides the row itself: names for codes, the documents, the history. */
export async function describeApplication(db: Executor, application: Application): Promise<ApplicationDescription> {
  const unit = application.unitCode ? await getUnit(db, application.unitCode).catch(() => null) : null;
  const history = await db
    .select({ type: applicationActions.type, at: applicationActions.at, payload: applicationActions.payload })
    .from(applicationActions)
    .where(eq(applicationActions.applicationId, application.id))
    .orderBy(asc(applicationActions.id));
  return {
    unitName: unit?.name ?? null,
    regionName: await regionName(db, application.villageCode),
    documents: await listDocuments(db, application.id),
    history,
  };
}
