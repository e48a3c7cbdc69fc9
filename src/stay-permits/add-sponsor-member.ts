import { and, eq, isNull } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { isSponsorMember } from './is-sponsor-member.ts';
import { authorizeMember } from './policy.ts';
import { sponsorMembers, sponsors } from './schema.ts';

/**
 * A member adds another person by the e-mail of their own Sikoe account (a citizen's): each person signs in as
 * themselves, so nobody shares a password (APOA once told hotels to share one). A member removed before comes back.
 */
export async function addSponsorMember(
  tx: Tx,
  caller: Caller,
  input: { sponsorId: string; email: string },
): Promise<void> {
  authorizeMember(caller.actor, await isSponsorMember(tx, input.sponsorId, caller.actor?.id ?? ''));
  const [account] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.email, input.email.trim().toLowerCase()),
        eq(accounts.kind, 'citizen'),
        isNull(accounts.disabledAt),
      ),
    );
  if (!account) throw new AppError('validation_failed', { email: 'stayPermits.v.noAccount' });
  if (await isSponsorMember(tx, input.sponsorId, account.id))
    throw new AppError('validation_failed', { email: 'stayPermits.v.alreadyMember' });
  await tx
    .insert(sponsorMembers)
    .values({ sponsorId: input.sponsorId, accountId: account.id })
    .onConflictDoUpdate({
      target: [sponsorMembers.sponsorId, sponsorMembers.accountId],
      set: { removedAt: null, addedAt: new Date() },
    });
  const [sponsor] = await tx
    .select({ unitCode: sponsors.unitCode })
    .from(sponsors)
    .where(eq(sponsors.id, input.sponsorId));
  await appendAudit(tx, caller, {
    action: 'sponsor.member_added',
    targetType: 'sponsor',
    targetId: input.sponsorId,
    unitCode: sponsor?.unitCode ?? null,
    details: { accountId: account.id },
  });
}
