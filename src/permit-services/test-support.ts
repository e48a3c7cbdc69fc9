import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { EntryBasis, PermitType, StayPermit } from '../stay-permits/schema.ts';
import { makeSponsor, makeStayPermit } from '../stay-permits/test-support.ts';

/**
 * A permit at Kupang sponsored by a company whose member is `member`: of the type and entry, ending `daysLeft` days
 * after today (its last day), with `extensions` already had, at Kupang unless told, numbered if told.
 */
export async function makeSponsoredPermit(
  db: Executor,
  member: Account,
  options: {
    type?: PermitType;
    entryBasis?: EntryBasis;
    daysLeft?: number;
    extensions?: number;
    unitCode?: string;
    permitNumber?: string;
  } = {},
): Promise<StayPermit> {
  const { type = 'itk', entryBasis = 'visit_visa', daysLeft = 5, extensions = 0, unitCode = 'KANIM-KUPANG' } = options;
  const sponsor = await makeSponsor(db, { members: [member] });
  const today = witaDate();
  return makeStayPermit(db, {
    type,
    entryBasis,
    sponsorId: sponsor.id,
    entryDate: addDays(today, -20),
    validFrom: addDays(today, -20),
    validUntil: addDays(today, daysLeft),
    extensions,
    unitCode,
    permitNumber: options.permitNumber ?? null,
  });
}
