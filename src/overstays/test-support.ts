import { asc, eq } from 'drizzle-orm';
import type { PermitStatus, PermitType } from '../stay-permits/schema.ts';
import { makeStayPermit as makePermit } from '../stay-permits/test-support.ts';
import type { Executor } from '../platform/db/index.ts';
import { overstays, type Overstay } from './schema.ts';

type PermitOptions = {
  foreignerId?: string;
  validUntil: string;
  entryDate?: string;
  unitCode?: string;
  type?: PermitType;
  pendingChangePaidOn?: string | null;
  status?: PermitStatus;
};

/**
 * A visit permit (ITK from a visit visa) at Kupang, entered and valid from `entryDate`, through stay-permits' own
 * factory, with a new foreigner unless one is named. Returns the permit's and the person's ids.
 */
export async function makeStayPermit(db: Executor, options: PermitOptions) {
  const entryDate = options.entryDate ?? '2000-01-01';
  const permit = await makePermit(db, {
    ...(options.foreignerId ? { foreignerId: options.foreignerId } : {}),
    type: options.type ?? 'itk',
    entryBasis: 'visit_visa',
    entryDate,
    validFrom: entryDate,
    validUntil: options.validUntil,
    unitCode: options.unitCode ?? 'KANIM-KUPANG',
    status: options.status ?? 'active',
    pendingChangePaidOn: options.pendingChangePaidOn ?? null,
  });
  return { permitId: permit.id, foreignerId: permit.foreignerId };
}

/** The newest period of the overstay found for a permit, if any. */
export async function overstayOf(db: Executor, permitId: string): Promise<Overstay | undefined> {
  return (await overstaysOf(db, permitId)).at(-1);
}

/** Every period found for a permit, oldest first. */
export async function overstaysOf(db: Executor, permitId: string): Promise<Overstay[]> {
  return db.select().from(overstays).where(eq(overstays.permitId, permitId)).orderBy(asc(overstays.firstDay));
}
