import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { lockApplication } from '../applications/get-application.ts';
import { setApplicationHolder } from '../applications/set-application-holder.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { releaseSaturdayPickup } from './release-saturday-pickup.ts';
import { passports } from './schema.ts';

export const VOID_JOB = 'passports.void_uncollected';
/** A passport not collected within this many days of being ready becomes void (domain.md). */
export const UNCOLLECTED_DAYS = 30;

/**
 * The job queued when a passport becomes ready, due 30 days later: a passport still waiting then is void, and so is
 * its application. One handed over (or already void) in the meantime is left alone.
 */
export async function voidUncollected(tx: Tx, passportNumber: string, now = new Date()): Promise<{ voided: boolean }> {
  const [found] = await tx
    .select({ applicationId: passports.applicationId })
    .from(passports)
    .where(eq(passports.number, passportNumber));
  if (!found) return { voided: false };
  // The application first, then the passport: the order the case steps lock them in.
  const application = await lockApplication(tx, found.applicationId);
  const [passport] = await tx.select().from(passports).where(eq(passports.number, passportNumber)).for('update');
  if (!passport || passport.status !== 'ready' || !passport.readyAt) return { voided: false };
  if (passport.readyAt.getTime() + UNCOLLECTED_DAYS * 86_400_000 > now.getTime()) return { voided: false };

  const caller = systemCaller('uncollected passport');
  await tx.update(passports).set({ status: 'void' }).where(eq(passports.number, passportNumber));
  if (application.holderId) await setApplicationHolder(tx, application.id, null);
  await releaseSaturdayPickup(tx, application.id, witaDate(now), now);
  await recordAction(tx, caller, {
    applicationId: application.id,
    type: 'void',
    status: 'void',
    payload: { passportNumber, readyAt: passport.readyAt.toISOString() },
  });
  await appendAudit(tx, caller, {
    action: 'passport.void',
    targetType: 'passport',
    targetId: passportNumber,
    unitCode: passport.unitCode,
    details: { applicationId: application.id },
  });
  return { voided: true };
}
