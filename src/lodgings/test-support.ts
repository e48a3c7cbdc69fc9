// Factories for lodgings' tests, and for other features' tests that need a lodging or its guests.
import { createApiToken } from '../accounts/api-tokens.ts';
import { makeTravelDocument } from '../foreigners/test-support.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { selectVillagesInRegency } from '../regions/select-villages-in-regency.ts';
import { makeCitizen } from '../../test/factories.ts';
import { lodgingMembers, lodgings, type Lodging, type LodgingStatus } from './schema.ts';

/** The first village of a regency (53.15 Manggarai Barat: Labuan Bajo's office; 51.71 Denpasar: outside NTT). */
export async function villageIn(db: Executor, regencyCode: string): Promise<string> {
  const [first] = await selectVillagesInRegency(db, regencyCode).limit(1);
  return first!.code;
}

/** A lodging's registration as the API takes it. */
export const lodgingBody = (villageCode: string, overrides: Record<string, unknown> = {}) => ({
  name: `Homestay Komodo ${crypto.randomUUID().slice(0, 6)}`,
  kind: 'homestay',
  licenceNumber: 'NIB-1234567890123',
  address: 'Jl. Soekarno Hatta 5',
  villageCode,
  personInCharge: 'Maria Bria',
  phone: '0812 3456 7890',
  email: 'komodo-homestay@example.org',
  ...overrides,
});

/**
 * A lodging in Labuan Bajo's area (regency 53.15) with its manager, verified unless said otherwise (written
 * directly: the office's verification has its own tests).
 */
export async function makeLodging(
  db: Executor,
  options: { status?: LodgingStatus; manager?: Account; regencyCode?: string; unitCode?: string } = {},
): Promise<{ lodging: Lodging; manager: Account }> {
  const manager = options.manager ?? (await makeCitizen(db, { name: 'Yosef Manager' }));
  const regencyCode = options.regencyCode ?? '53.15';
  const villageCode = await villageIn(db, regencyCode);
  const [lodging] = await db
    .insert(lodgings)
    .values({
      name: `Homestay Pede ${crypto.randomUUID().slice(0, 6)}`,
      kind: 'homestay',
      licenceNumber: 'NIB-9',
      address: 'Jl. Pede 1',
      villageCode,
      districtCode: villageCode.slice(0, 8),
      regencyCode,
      unitCode: options.unitCode ?? 'KANIM-LABUAN-BAJO',
      personInCharge: manager.name,
      phone: '081234567890',
      email: manager.email,
      status: options.status ?? 'verified',
    })
    .returning();
  await db.insert(lodgingMembers).values({ lodgingId: lodging!.id, accountId: manager.id, role: 'manager' });
  return { lodging: lodging!, manager };
}

/** A reporter of the lodging, with their own account. */
export async function makeReporter(db: Executor, lodgingId: string): Promise<Account> {
  const reporter = await makeCitizen(db, { name: 'Ana Reporter' });
  await db.insert(lodgingMembers).values({ lodgingId, accountId: reporter.id, role: 'reporter' });
  return reporter;
}

export async function apiTokenOf(db: Executor, account: Account): Promise<string> {
  const { token } = await db.transaction((tx) =>
    createApiToken(tx, systemCaller('test'), account.id, 'hotel software'),
  );
  return token;
}

/** One guest as the API takes it: a fresh passport, checked in an hour ago, leaving in three days. */
export function guestJson(overrides: Record<string, unknown> = {}, doc: Partial<TravelDocumentFields> = {}) {
  const d = makeTravelDocument(doc);
  const checkInAt = new Date(Date.now() - 3_600_000);
  return {
    clientId: `g-${crypto.randomUUID()}`,
    surname: d.surname,
    givenNames: d.givenNames,
    nationality: d.nationality,
    issuingState: d.issuingState,
    documentNumber: d.documentNumber,
    birthDate: d.birthDate,
    sex: d.sex,
    expiresOn: d.expiresOn,
    checkInAt: checkInAt.toISOString(),
    expectedCheckOutOn: addDays(witaDate(checkInAt), 3),
    room: '12',
    purpose: 'tourism',
    permitSeen: 'VoA B1 123456',
    ...overrides,
  };
}
