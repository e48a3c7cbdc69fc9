// Helpers shared by the Eazy Paspor tests (not loaded by the application).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { bookStock } from '../passports/schema.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { mobileKits } from '../roster/schema.ts';
import { makeNik, makeOfficer, makeUnit } from '../../test/factories.ts';

/** A unit of its own offering Eazy Paspor, with blank books, a head of office, two counter officers and a kit. */
export async function makeOutreachUnit(db: Executor) {
  const unit = await makeUnit(db, { services: ['passport', 'eazy_paspor'] });
  await db.insert(bookStock).values([
    { unitCode: unit.code, passportType: 'biasa', quantity: 1000 },
    { unitCode: unit.code, passportType: 'elektronik', quantity: 1000 },
  ]);
  const head = await makeOfficer(db, { role: 'head_of_office', unitCode: unit.code, name: 'Kepala Uji' });
  const officerA = await makeOfficer(db, {
    role: 'counter_officer',
    unitCode: unit.code,
    name: `Petugas Ama ${unit.code}`,
  });
  const officerB = await makeOfficer(db, { role: 'verifier', unitCode: unit.code, name: `Petugas Bei ${unit.code}` });
  const [kit] = await db
    .insert(mobileKits)
    .values({ unitCode: unit.code, name: `Kit ${unit.code}`, serial: 'SN-1' })
    .returning();
  return { unit, head, officerA, officerB, kit: kit! };
}

/** A real village of a regency (the region tables are loaded in every test database). */
export async function villageIn(db: Executor, regencyCode: string): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    db,
    sql`select code from villages where code like ${`${regencyCode}.%`} order by code limit 1`,
  );
  return row!.code;
}

/** A valid request body for the API, for the unit and village given. */
export function requestBody(
  unitCode: string,
  villageCode: string,
  dates: string[],
  overrides: Record<string, unknown> = {},
) {
  return {
    requestId: crypto.randomUUID(),
    organiserKind: 'village',
    organiserName: 'Desa Uji Oesao',
    contactName: 'Yakobus Tefa',
    contactPhone: '081234567890',
    contactEmail: `kades-${crypto.randomUUID().slice(0, 8)}@test.sikoe.id`,
    venue: 'Balai Desa Oesao',
    villageCode,
    unitCode,
    preferredDates: dates,
    expectedParticipants: 40,
    ...overrides,
  };
}

/** "NIK;name;birth date" lines of valid participants. */
export function participantLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const birthDate = `19${70 + i}-0${1 + (i % 9)}-1${i % 10}`;
    return `${makeNik(birthDate)};Peserta ${i + 1};${birthDate}`;
  });
}
