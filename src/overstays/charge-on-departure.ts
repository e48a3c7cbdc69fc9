import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { listOpenCharges, type OpenCharge } from './list-open-charges.ts';
import { billCharges, upsertOverstays } from './scan-overstays.ts';

/**
 * A foreigner leaving with a lapsed permit, at the desk: the nightly scan's own statements run for this one person
 * (the same periods, days through `today`, dated rate and billing code), so a departure between two scans cannot
 * escape the charge (the next scan skips people who left). Proposals and mails stay with the scan, which proposes
 * action when a departed person's charge stays unpaid. Returns what they still owe, oldest first; none when every
 * period is paid.
 */
export async function chargeOnDeparture(
  tx: Tx,
  caller: Caller,
  foreignerId: string,
  today: IsoDate,
  now = new Date(),
): Promise<OpenCharge[]> {
  const { found, updated } = await upsertOverstays(tx, today, foreignerId);
  const billed = await billCharges(tx, today, now, foreignerId);
  if (found + updated + billed > 0)
    await appendAudit(tx, caller, {
      action: 'overstay.departure_charge',
      targetType: 'foreigner',
      targetId: foreignerId,
      details: { found, updated, billed },
    });
  return listOpenCharges(tx, foreignerId);
}
