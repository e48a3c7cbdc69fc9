// The one place permit-services reaches stay-permits: its queries to find the permit and who may apply for it, and
// its use cases to change the permit once an application is decided. Never its tables.
import { getForeigner } from '../foreigners/get-foreigner.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { cancelStayPermit } from '../stay-permits/cancel-stay-permit.ts';
import { clearChangePaid } from '../stay-permits/clear-change-paid.ts';
import { convertStayPermit } from '../stay-permits/convert-stay-permit.ts';
import { endStayPermit } from '../stay-permits/end-stay-permit.ts';
import { extendStayPermit } from '../stay-permits/extend-stay-permit.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { markChangePaid } from '../stay-permits/mark-change-paid.ts';
import type { StayPermit } from '../stay-permits/schema.ts';
import { isSponsorMember } from '../stay-permits/is-sponsor-member.ts';
import { listMySponsors } from '../stay-permits/list-my-sponsors.ts';
import { listPermitsOfSponsor } from '../stay-permits/list-permits-of-sponsor.ts';
import { listForeignerNames } from '../foreigners/list-foreigner-names.ts';
import type { PermitApplication, PermitServiceRule } from './schema.ts';

export async function permitOf(db: Executor, permitId: string): Promise<StayPermit | null> {
  try {
    return await getStayPermit(db, permitId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

export type SponsoredPermit = { id: string; label: string; validUntil: IsoDate };

/** The active permits of the sponsors the account acts for, for the application form to offer by name. */
export async function sponsoredPermitsOf(db: Executor, accountId: string): Promise<SponsoredPermit[]> {
  const permits = (await Promise.all((await listMySponsors(db, accountId)).map((s) => listPermitsOfSponsor(db, s.id))))
    .flat()
    .filter((p) => p.status === 'active');
  const people = await listForeignerNames(
    db,
    permits.map((p) => p.foreignerId),
  );
  return permits.map((p) => {
    const person = people.get(p.foreignerId);
    const name = person ? `${person.givenNames} ${person.surname}`.trim() : '';
    return {
      id: p.id,
      label: `${name} · ${p.type.toUpperCase()} ${p.permitNumber ?? ''}`.trim(),
      validUntil: p.validUntil,
    };
  });
}

/**
 * Proof that the applicant holds the permit: a travel document number of theirs, their birth date, and the permit's
 * number as printed on the permit.
 */
export type HolderProof = { documentNumber?: string | null; birthDate?: string | null; permitNumber?: string | null };

/** A permit number as typed: spaces and letter case are how people copy a printed number, not part of it. */
const permitNumberKey = (n: string) => n.replace(/\s+/g, '').toUpperCase();

/**
 * Who the signed-in account is to the permit: a member of its sponsor, or the holder; else nobody. Foreigners'
 * accounts are not linked to the register, so the holder proves it with what only the holder has at hand: a passport
 * number and birth date of the permit's foreigner (which every lodging and anyone with a copy of the passport knows)
 * and the permit's number, printed on the permit and not in the passport. A permit recorded without its number can be
 * applied for by its sponsor or at the office only.
 */
export async function applicantRoleOf(
  db: Executor,
  actor: Actor,
  permit: StayPermit,
  proof: HolderProof = {},
): Promise<'sponsor' | 'foreigner' | null> {
  if (actor.kind !== 'citizen') return null;
  if (permit.sponsorId && (await isSponsorMember(db, permit.sponsorId, actor.id))) return 'sponsor';
  if (!proof.documentNumber || !proof.birthDate || !proof.permitNumber || !permit.permitNumber) return null;
  if (permitNumberKey(proof.permitNumber) !== permitNumberKey(permit.permitNumber)) return null;
  const person = await getForeigner(db, permit.foreignerId);
  const number = proof.documentNumber.trim().toUpperCase();
  const holds = person.birthDate === proof.birthDate && person.documents.some((d) => d.number === number);
  return holds ? 'foreigner' : null;
}

/** A paid alih status filed before the permit's end keeps the days past it from counting as overstay (§1.4). */
export async function markPaidChange(tx: Tx, caller: Caller, application: PermitApplication, paidOn: IsoDate) {
  if (!isConversion(application) || paidOn > application.permitUntil) return;
  await markChangePaid(tx, caller, { permitId: application.permitId, paidOn, reference: application.id });
}

export const isConversion = (application: Pick<PermitApplication, 'service'>) =>
  application.service === 'itk_to_itas' || application.service === 'itas_to_itap';

/**
 * The decided application applied to the permit through stay-permits: an extension moves its end by the rule's
 * step, alih status begins the new permit today for the rule's validity, EPO ends it with the days to leave, a
 * cancellation cancels it. Returns the new last day (or the day to leave by).
 */
export async function applyDecision(
  tx: Tx,
  caller: Caller,
  application: PermitApplication,
  rule: PermitServiceRule,
  today: IsoDate,
): Promise<IsoDate | null> {
  const permit = await getStayPermit(tx, application.permitId);
  const step = rule.stepDays ?? 0;
  const reference = application.id;
  switch (application.service) {
    case 'itk_extension':
    case 'itas_extension':
    case 'itap_extension': {
      const validUntil = addDays(permit.validUntil, step);
      await extendStayPermit(tx, caller, { permitId: permit.id, validUntil, reference });
      return validUntil;
    }
    case 'itk_to_itas':
    case 'itas_to_itap': {
      const validUntil = addDays(today, step - 1);
      const type = application.service === 'itk_to_itas' ? 'itas' : 'itap';
      await convertStayPermit(tx, caller, { permitId: permit.id, type, validFrom: today, validUntil, reference });
      return validUntil;
    }
    case 'epo': {
      const leaveBy = addDays(today, step);
      await endStayPermit(tx, caller, { permitId: permit.id, leaveBy, reference });
      return leaveBy;
    }
    case 'cancellation':
      await cancelStayPermit(tx, caller, { permitId: permit.id, reason: application.reason ?? '-', reference });
      return null;
  }
}

/** A refused or withdrawn alih status: the days past the permit's end count again. */
export async function clearPaidChange(tx: Tx, caller: Caller, application: PermitApplication) {
  if (!isConversion(application) || !application.paidOn || application.paidOn > application.permitUntil) return;
  const permit = await getStayPermit(tx, application.permitId);
  if (permit.pendingChangePaidOn) await clearChangePaid(tx, caller, { permitId: permit.id, reference: application.id });
}
