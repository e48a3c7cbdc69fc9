import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { sponsors, type Sponsor } from './schema.ts';
import { mailSponsorMembers } from './sponsor-mails.ts';

/**
 * The office that holds the sponsor's address verifies or refuses its registration, once; its members are told.
 * Refused by role before the sponsor is looked up, then by the office's scope.
 */
export async function decideSponsor(
  tx: Tx,
  caller: Caller,
  input: { sponsorId: string; decision: 'verified' | 'refused'; note?: string | null },
  options: { publicUrl: string },
): Promise<Sponsor> {
  authorizeRole(caller.actor, 'sponsor.verify');
  const [sponsor] = await tx.select().from(sponsors).where(eq(sponsors.id, input.sponsorId)).for('update');
  if (!sponsor) throw new AppError('not_found');
  authorize(caller.actor, 'sponsor.verify', { unitCode: sponsor.unitCode, scope: await actorScope(tx, caller.actor) });
  if (sponsor.status !== 'pending')
    throw new AppError('validation_failed', { decision: 'stayPermits.v.alreadyDecided' });
  const [decided] = await tx
    .update(sponsors)
    .set({
      status: input.decision,
      decidedBy: caller.actor!.id,
      decidedAt: new Date(),
      decisionNote: input.note ?? null,
    })
    .where(eq(sponsors.id, sponsor.id))
    .returning();
  await mailSponsorMembers(tx, sponsor.id, (t) => ({
    subject: t('stayPermits.mail.decidedSubject', { name: sponsor.name }),
    text: t(`stayPermits.mail.decided.${input.decision}`, {
      name: sponsor.name,
      note: input.note ?? '',
      link: `${options.publicUrl}/sponsors/${sponsor.id}`,
    }),
  }));
  await appendAudit(tx, caller, {
    action: `sponsor.${input.decision}`,
    targetType: 'sponsor',
    targetId: sponsor.id,
    unitCode: sponsor.unitCode,
    details: { note: input.note ?? null },
  });
  return decided!;
}
