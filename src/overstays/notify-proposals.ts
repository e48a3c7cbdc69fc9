import { and, eq, inArray, isNull } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { translator } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';

/**
 * Tells the heads of each unit how many new proposals for administrative action wait for them, queued with the scan
 * that made them. The mail names the count and the page, never a person.
 */
export async function notifyProposals(tx: Executor, perUnit: readonly { unit_code: string; n: number }[]) {
  if (perUnit.length === 0) return;
  const heads = await tx
    .select({ email: accounts.email, unitCode: accounts.unitCode })
    .from(accounts)
    .where(
      and(
        eq(accounts.kind, 'officer'),
        eq(accounts.role, 'head_of_office'),
        isNull(accounts.disabledAt),
        inArray(
          accounts.unitCode,
          perUnit.map((u) => u.unit_code),
        ),
      ),
    );
  const t = translator('id');
  for (const { unit_code: unit, n } of perUnit) {
    for (const head of heads.filter((h) => h.unitCode === unit)) {
      await enqueueMail(tx, {
        to: head.email,
        subject: t('overstays.mail.proposed.subject', { n, unit }),
        text: `${t('overstays.mail.proposed.body', { n, unit })}\n\n${t('mail.signature')}\n`,
      });
    }
  }
}
