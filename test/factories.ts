import crypto from 'node:crypto';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { accounts, type Account, type OfficerRole } from '../src/platform/auth/schema.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { newTotpSecret } from '../src/platform/auth/totp.ts';
import type { Executor } from '../src/platform/db/index.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export const uniqueEmail = (prefix = 'user') => `${prefix}-${crypto.randomUUID().slice(0, 12)}@test.sikoe.id`;

export async function makeCitizen(db: Executor, overrides: Partial<typeof accounts.$inferInsert> = {}): Promise<Account> {
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await db
    .insert(accounts)
    .values({ email: uniqueEmail('citizen'), name: 'Maria Bria', passwordHash: await passwordHash, kind: 'citizen', emailVerifiedAt: new Date(), ...overrides })
    .returning();
  return row!;
}

/** An officer; admins get TOTP enabled by default since they cannot work without it. */
export async function makeOfficer(
  db: Executor,
  options: { role?: OfficerRole; unitCode?: string; totp?: boolean } & Partial<typeof accounts.$inferInsert> = {},
): Promise<Account> {
  const { role = 'counter_officer', unitCode = 'KANIM-KUPANG', totp = role === 'admin', ...rest } = options;
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await db
    .insert(accounts)
    .values({
      email: uniqueEmail(role),
      name: `Officer ${role}`,
      passwordHash: await passwordHash,
      kind: 'officer',
      role,
      unitCode,
      emailVerifiedAt: new Date(),
      ...(totp ? { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } : {}),
      ...rest,
    })
    .returning();
  return row!;
}

/** A signed-in session cookie for the account, second factor passed. */
export async function sessionCookie(db: Executor, account: Account): Promise<string> {
  const token = await createSession(db, { accountId: account.id, mfaPassed: true, days: 1 });
  return `sikoe_session=${token}`;
}
