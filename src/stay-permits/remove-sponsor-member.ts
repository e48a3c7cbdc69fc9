import { and, eq, isNull } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { isSponsorMember } from './is-sponsor-member.ts';
import { authorizeMember } from './policy.ts';
import { sponsorMembers, sponsors } from './schema.ts';

/**
 * A member removes another (someone who left the company): from then on that person sees none of the sponsor's
 * foreigners and gets none of its notices. The last member stays, so a sponsor is never left without anyone to act.
 */
export async function removeSponsorMember(
  tx: Tx,
  caller: Caller,
  input: { sponsorId: string; accountId: string },
): Promise<void> {
  authorizeMember(caller.actor, await isSponsorMember(tx, input.sponsorId, caller.actor?.id ?? ''));
  const active = await tx
    .select({ accountId: sponsorMembers.accountId })
    .from(sponsorMembers)
    .where(and(eq(sponsorMembers.sponsorId, input.sponsorId), isNull(sponsorMembers.removedAt)))
    .for('update');
  if (!active.some((m) => m.accountId === input.accountId)) throw new AppError('not_found');
  if (active.length === 1) throw new AppError('validation_failed', { member: 'stayPermits.v.lastMember' });
  await tx
    .update(sponsorMembers)
    .set({ removedAt: new Date() })
    .where(and(eq(sponsorMembers.sponsorId, input.sponsorId), eq(sponsorMembers.accountId, input.accountId)));
  const [sponsor] = await tx
    .select({ unitCode: sponsors.unitCode })
    .from(sponsors)
    .where(eq(sponsors.id, input.sponsorId));
  await appendAudit(tx, caller, {
    action: 'sponsor.member_removed',
    targetType: 'sponsor',
    targetId: input.sponsorId,
    unitCode: sponsor?.unitCode ?? null,
    details: { accountId: input.accountId },
  });
}
