import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { accounts, type OfficerRole } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { officerWelcomeMail } from '../accounts/mails.ts';
import { getUnit } from '../units/list-units.ts';

export type NewOfficer = {
  email: string;
  name: string;
  role: OfficerRole;
  unitCode: string;
  password: string;
  lang?: Lang;
};

/** Officers are created by an admin (or the CLI); their address is taken as verified. */
export async function createOfficer(
  tx: Tx,
  caller: Caller,
  input: NewOfficer,
  publicUrl: string,
): Promise<{ id: string }> {
  await getUnit(tx, input.unitCode).catch(() => {
    throw new AppError('validation_failed', { unitCode: 'v.unit' });
  });
  const [row] = await tx
    .insert(accounts)
    .values({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      kind: 'officer',
      role: input.role,
      unitCode: input.unitCode,
      emailVerifiedAt: new Date(),
      lang: input.lang ?? 'id',
    })
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  if (!row) throw new AppError('email_taken', { email: 'v.emailTaken' });
  await enqueueMail(tx, officerWelcomeMail(input.lang ?? 'id', input.email, input.name, publicUrl));
  await appendAudit(tx, caller, {
    action: 'officer.create',
    targetType: 'account',
    targetId: row.id,
    unitCode: input.unitCode,
    details: { role: input.role },
  });
  return row;
}
