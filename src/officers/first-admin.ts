import { eq, sql } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { hashToken, randomToken } from '../platform/auth/tokens.ts';
import { serverSecrets } from '../platform/db/schema.ts';
import type { Db, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n/index.ts';
import { createOfficer } from './create-officer.ts';
import { hasAdmin } from './has-admin.ts';

const SETUP = 'first-admin-setup';
/** The regional office: the first admin's unit, whose scope is the whole organisation. */
export const FIRST_ADMIN_UNIT = 'KANWIL-NTT';
const VALID_HOURS = 24;

/**
 * While there is no admin, makes a one-time setup token (printed by the server on its console, as self-hosted
 * products do) and keeps only its hash; a new start replaces the previous token. Returns null once an admin exists.
 */
export async function issueSetupToken(db: Db): Promise<string | null> {
  if (await hasAdmin(db)) return null;
  const token = randomToken();
  await db
    .insert(serverSecrets)
    .values({ name: SETUP, value: hashToken(token) })
    .onConflictDoUpdate({ target: serverSecrets.name, set: { value: hashToken(token), createdAt: sql`now()` } });
  return token;
}

/** Whether the token opens the setup page now: it matches, is fresh, and there is still no admin. */
export async function setupTokenValid(db: Db | Tx, token: string, lock = false): Promise<boolean> {
  const query = db.select().from(serverSecrets).where(eq(serverSecrets.name, SETUP));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || row.value !== hashToken(token)) return false;
  if (row.createdAt.getTime() + VALID_HOURS * 3_600_000 < Date.now()) return false;
  return !(await hasAdmin(db));
}

export type FirstAdmin = { token: string; email: string; name: string; password: string; lang: Lang };

/** Creates the first admin with the setup token and uses the token up; refused once any admin exists. */
export async function createFirstAdmin(
  tx: Tx,
  caller: Caller,
  input: FirstAdmin,
  publicUrl: string,
): Promise<{ id: string }> {
  if (!(await setupTokenValid(tx, input.token, true))) throw new AppError('invalid_token');
  const created = await createOfficer(
    tx,
    caller,
    {
      email: input.email,
      name: input.name,
      role: 'admin',
      unitCode: FIRST_ADMIN_UNIT,
      password: input.password,
      lang: input.lang,
    },
    publicUrl,
  );
  await tx.delete(serverSecrets).where(eq(serverSecrets.name, SETUP));
  return created;
}
