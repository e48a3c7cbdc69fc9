// Factories for detention's tests: officers as callers, a placement and a refugee through the real use cases.
import { makeOfficer } from '../../test/factories.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import type { TravelDocumentFields } from '../foreigners/read-travel-document-mrz.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Db } from '../platform/db/index.ts';
import { placeDetainee, type Placement } from './place-detainee.ts';
import { registerRefugee, type RefugeeRegistration } from './register-refugee.ts';

/** An officer of the unit (TOTP passed), as the use cases see the caller. */
export async function officerCaller(db: Db, role: OfficerRole, unitCode: string): Promise<Caller> {
  const a = await makeOfficer(db, { role, unitCode });
  return {
    actor: {
      id: a.id,
      kind: 'officer',
      role,
      unitCode,
      name: a.name,
      email: a.email,
      emailVerified: true,
      mfaPassed: true,
      totpEnabled: true,
      via: 'session',
    },
  };
}

export const placementOf = (foreignerId: string, overrides: Partial<Placement> = {}): Placement => ({
  foreignerId,
  unitCode: 'RUDENIM-KUPANG',
  authorityUnitCode: 'RUDENIM-KUPANG',
  reason: 'no_travel_document',
  place: 'Rudenim Kupang',
  decisionNumber: `W.21.RUD-${crypto.randomUUID().slice(0, 6)}`,
  decisionDate: '2025-01-10',
  signedBy: 'Kepala Rudenim Kupang',
  placedOn: '2025-01-10',
  handedByAgency: 'Polda NTT',
  handedByOfficer: 'Bripka Nope',
  handedOn: '2025-01-10',
  block: 'single',
  property: [],
  ...overrides,
});

/** A new person placed in detention by the caller. */
export async function makeDetainee(
  db: Db,
  caller: Caller,
  overrides: Partial<Placement> = {},
  person: Partial<TravelDocumentFields> = {},
) {
  const { id } = await makeForeigner(db, person);
  return db.transaction((tx) => placeDetainee(tx, caller, placementOf(id, overrides)));
}

/** A new person put under the Rudenim's oversight as a refugee by the caller. */
export async function makeRefugee(
  db: Db,
  caller: Caller,
  overrides: Partial<RefugeeRegistration> = {},
  person: Partial<TravelDocumentFields> = {},
) {
  const { id } = await makeForeigner(db, { nationality: 'AFG', issuingState: 'AFG', ...person });
  return db.transaction((tx) =>
    registerRefugee(tx, caller, {
      foreignerId: id,
      unitCode: 'RUDENIM-KUPANG',
      unhcrStatus: 'refugee',
      unhcrNumber: `UNHCR-${crypto.randomUUID().slice(0, 8)}`,
      shelter: 'Lavender',
      cardNumber: `RUD-${crypto.randomUUID().slice(0, 8)}`,
      firstMonth: witaDate().slice(0, 7),
      ...overrides,
    }),
  );
}
