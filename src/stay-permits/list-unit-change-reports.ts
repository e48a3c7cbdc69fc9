import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { listForeignersById } from '../foreigners/list-foreigners-by-id.ts';
import type { Executor } from '../platform/db/index.ts';
import { permitChangeReports, sponsors, stayPermits } from './schema.ts';

/** The changes sponsors reported on permits held at these units that no officer has acknowledged yet, oldest first. */
export async function listUnitChangeReports(db: Executor, unitCodes: readonly string[]) {
  if (unitCodes.length === 0) return [];
  const rows = await db
    .select({ report: permitChangeReports, sponsorName: sponsors.name, foreignerId: stayPermits.foreignerId })
    .from(permitChangeReports)
    .innerJoin(stayPermits, eq(stayPermits.id, permitChangeReports.permitId))
    .innerJoin(sponsors, eq(sponsors.id, permitChangeReports.sponsorId))
    .where(and(inArray(permitChangeReports.unitCode, [...unitCodes]), isNull(permitChangeReports.acknowledgedAt)))
    .orderBy(asc(permitChangeReports.reportedAt))
    .limit(200);
  const people = await listForeignersById(
    db,
    rows.map((r) => r.foreignerId),
  );
  return rows.map((r) => ({ ...r.report, sponsorName: r.sponsorName, holder: people.get(r.foreignerId)! }));
}
export type UnitChangeReport = Awaited<ReturnType<typeof listUnitChangeReports>>[number];
