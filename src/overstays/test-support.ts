import { eq, sql } from 'drizzle-orm';
import { makeForeigner } from '../foreigners/test-support.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { overstays, type Overstay } from './schema.ts';

type PermitOptions = {
  foreignerId?: string;
  validUntil: string;
  entryDate?: string;
  unitCode?: string;
  type?: string;
  pendingChangePaidOn?: string | null;
  status?: string;
};

/**
 * A stay permit as the services grant it, for overstay tests (raw SQL: the permits' tables are stay-permits' own), with
 * a new foreigner unless one is named. Returns the permit's and the person's ids.
 */
export async function makeStayPermit(db: Executor, options: PermitOptions) {
  const foreignerId = options.foreignerId ?? (await makeForeigner(db)).id;
  const entryDate = options.entryDate ?? '2000-01-01';
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into stay_permits (foreigner_id, type, entry_basis, entry_date, valid_from, valid_until, unit_code,
        status, pending_change_paid_on)
      values (${foreignerId}, ${options.type ?? 'itk'}, 'visit_visa', ${entryDate}, ${entryDate}, ${options.validUntil},
        ${options.unitCode ?? 'KANIM-KUPANG'}, ${options.status ?? 'active'}, ${options.pendingChangePaidOn ?? null})
      returning id`,
  );
  return { permitId: row!.id, foreignerId };
}

/** The overstay found for a permit, if any. */
export async function overstayOf(db: Executor, permitId: string): Promise<Overstay | undefined> {
  const [row] = await db.select().from(overstays).where(eq(overstays.permitId, permitId));
  return row;
}
