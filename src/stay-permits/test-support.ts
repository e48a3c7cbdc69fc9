import type { Account } from '../platform/auth/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { sponsorMembers, sponsors, stayPermitActions, stayPermits, type Sponsor, type StayPermit } from './schema.ts';

/** A caller acting as this account, second factor passed. */
export const callerAs = (account: Account): Caller => ({ actor: toActor(account, 'session', true), ip: '127.0.0.1' });

/** A company sponsor at Kupang, verified unless told otherwise, with these accounts as its members. */
export async function makeSponsor(
  db: Executor,
  options: Partial<typeof sponsors.$inferInsert> & { members?: Account[] } = {},
): Promise<Sponsor> {
  const { members = [], ...overrides } = options;
  const [sponsor] = await db
    .insert(sponsors)
    .values({
      kind: 'company',
      name: 'PT Flobamora Wisata',
      registrationNumber: `${Date.now()}${Math.floor(Math.random() * 1000)}`.slice(-13),
      address: 'Jl. El Tari No. 1, Kupang',
      phone: '0380123456',
      email: 'kantor@flobamora.test',
      regencyCode: '53.71',
      unitCode: 'KANIM-KUPANG',
      status: 'verified',
      ...overrides,
    })
    .returning();
  if (members.length > 0)
    await db.insert(sponsorMembers).values(members.map((m) => ({ sponsorId: sponsor!.id, accountId: m.id })));
  return sponsor!;
}

/**
 * An active permit with its 'granted' history entry: an ITAS at Kupang for a new foreigner, from today for a year,
 * unless told otherwise (an ITK from visa-free entry needs no sponsor; anything else without one gets a responsible
 * person).
 */
export async function makeStayPermit(
  db: Executor,
  overrides: Partial<typeof stayPermits.$inferInsert> = {},
): Promise<StayPermit> {
  const today = witaDate();
  const foreignerId = overrides.foreignerId ?? (await makeForeigner(db)).id;
  const [permit] = await db
    .insert(stayPermits)
    .values({
      foreignerId,
      type: 'itas',
      entryBasis: 'limited_stay_visa',
      visaIndex: 'E33G',
      entryDate: today,
      validFrom: today,
      validUntil: addDays(today, 365),
      unitCode: 'KANIM-KUPANG',
      responsiblePerson: overrides.sponsorId ? null : 'Yohana Bria',
      ...overrides,
    })
    .returning();
  await db.insert(stayPermitActions).values({ permitId: permit!.id, type: 'granted', payload: { factory: true } });
  return permit!;
}
