// Factories for the oversight tests: lodgings and stays written straight into their tables (the check-in use case is
// the intake's), so that figures, dates and flags can be set exactly.
import crypto from 'node:crypto';
import { makeForeigner } from '../foreigners/test-support.ts';
import type { Executor } from '../platform/db/index.ts';
import { lodgingMembers, lodgings, stays, type Lodging } from './schema.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

/** A verified lodging in Kota Kupang's first district (KANIM-KUPANG's area) unless told otherwise. */
export async function makeLodging(
  db: Executor,
  overrides: Partial<typeof lodgings.$inferInsert> & { districtCode?: string } = {},
): Promise<Lodging> {
  const districtCode = overrides.districtCode ?? '53.71.01';
  const regencyCode = districtCode.split('.').slice(0, 2).join('.');
  const [row] = await db
    .insert(lodgings)
    .values({
      name: `Penginapan Uji ${unique()}`,
      kind: 'homestay',
      address: 'Jl. Uji 1',
      villageCode: `${districtCode}.1001`,
      districtCode,
      regencyCode,
      unitCode: 'KANIM-KUPANG',
      personInCharge: 'Maria Uji',
      phone: '081234567890',
      email: `lodging-${unique()}@test.sikoe.id`,
      status: 'verified',
      ...overrides,
    })
    .returning();
  return row!;
}

/** Makes the account a manager of the lodging (the flags mail goes to its managers). */
export async function addManager(db: Executor, lodging: Lodging, accountId: string): Promise<void> {
  await db.insert(lodgingMembers).values({ lodgingId: lodging.id, accountId, role: 'manager' });
}

/**
 * A stay at the lodging, checked in an hour ago and open unless told otherwise; a new foreigner unless `foreignerId`
 * (with `documentNumber`) is given.
 */
export async function makeStay(
  db: Executor,
  lodging: Lodging,
  overrides: Partial<typeof stays.$inferInsert> = {},
): Promise<typeof stays.$inferSelect> {
  const person = overrides.foreignerId
    ? { id: overrides.foreignerId, doc: { documentNumber: overrides.documentNumber ?? 'X0000000' } }
    : await makeForeigner(db);
  const checkInAt = overrides.checkInAt ?? new Date(Date.now() - 3600_000);
  const [row] = await db
    .insert(stays)
    .values({
      lodgingId: lodging.id,
      clientId: `c-${unique()}`,
      foreignerId: person.id,
      documentNumber: person.doc.documentNumber,
      checkInAt,
      purpose: 'tourism',
      channel: 'web',
      reportedBy: crypto.randomUUID(),
      reportedAt: checkInAt,
      late: false,
      receiptNumber: `STT-${crypto.randomUUID()}`,
      unitCode: lodging.unitCode,
      regencyCode: lodging.regencyCode,
      districtCode: lodging.districtCode,
      ...overrides,
    })
    .returning();
  return row!;
}
