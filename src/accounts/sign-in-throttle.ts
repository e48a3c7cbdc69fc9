import crypto from 'node:crypto';
import { and, eq, inArray, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SignInThrottle } from '../platform/config.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { ProofSettings } from '../platform/proof/form-proof.ts';
import { AppError } from '../platform/errors.ts';
import { signInFailures } from './schema.ts';

/**
 * Failed sign-ins slow the next attempts down instead of locking the account: a lock-out would let any stranger who
 * knows an address keep its owner out. Two counts, both keyed by a hash of the address typed, so an address
 * without an account is treated exactly like one with:
 *
 * - per address and client (IP): after `freeFailures`, each further attempt from that client must wait 1 s, 2 s,
 *   4 s … up to `maxDelayMinutes`. A guesser slows down; the owner on another device does not.
 * - per address, from every client, within a day: after `proofAfter`, every sign-in to that address needs a proof
 *   of work (solved by the browser, or a short wait without JavaScript). A guesser spread over many IPs pays for
 *   each try; the owner passes with a second's work.
 *
 * A successful sign-in, a password reset and an admin clear the counts.
 */
export type SignInGate = { proofSubject: string; proofRequired: boolean };

/** The sign-in form's proof of work: as the booking form's, with a shorter wait without JavaScript. */
export const signInProofSettings: ProofSettings = {
  formMinSeconds: 10,
  formMaxMinutes: 30,
  pow: { algorithm: 'SHA-256', cost: 1, counterMin: 50_000, counterMax: 150_000 },
};

export const addressKeyOf = (email: string) =>
  `a:${crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
/** What a sign-in form's proof is bound to: the address it is for. */
export const signInProofSubject = (email: string) => `sign-in:${addressKeyOf(email)}`;
const clientKeyOf = (addressKey: string, ip: string | undefined) => `${addressKey}|${ip ?? 'unknown'}`;
const DAY_MS = 86_400_000;

/** Whether sign-ins to the address need a proof of work now (the sign-in form shows the widget). */
export async function signInNeedsProof(
  db: Executor,
  email: string,
  policy: SignInThrottle,
  now = new Date(),
): Promise<boolean> {
  const [address] = await db
    .select()
    .from(signInFailures)
    .where(eq(signInFailures.key, addressKeyOf(email)));
  return needsProof(address, policy, now);
}

const needsProof = (address: typeof signInFailures.$inferSelect | undefined, policy: SignInThrottle, now: Date) =>
  !!address && address.failures >= policy.proofAfter && address.lastFailedAt.getTime() > now.getTime() - DAY_MS;

/** Where this address stands for this client; throws `sign_in_throttled` while the client must wait. */
export async function signInGate(
  db: Executor,
  email: string,
  ip: string | undefined,
  policy: SignInThrottle,
  now = new Date(),
): Promise<SignInGate> {
  const addressKey = addressKeyOf(email);
  const clientKey = clientKeyOf(addressKey, ip);
  const rows = await db
    .select()
    .from(signInFailures)
    .where(inArray(signInFailures.key, [addressKey, clientKey]));
  const address = rows.find((r) => r.key === addressKey);
  const client = rows.find((r) => r.key === clientKey);
  const waitSeconds = client?.waitUntil ? Math.ceil((client.waitUntil.getTime() - now.getTime()) / 1000) : 0;
  if (waitSeconds > 0) throw new AppError('sign_in_throttled', undefined, { seconds: waitSeconds });
  return { proofSubject: signInProofSubject(email), proofRequired: needsProof(address, policy, now) };
}

/** Counts a wrong password or code; it commits on its own, since the refusal that follows must not roll it back. */
export async function recordSignInFailure(
  db: Executor,
  email: string,
  ip: string | undefined,
  policy: SignInThrottle,
): Promise<{ failures: number }> {
  const addressKey = addressKeyOf(email);
  // A count a day old starts again at one.
  const failures = sql`case when ${signInFailures.lastFailedAt} < now() - interval '1 day' then 1 else ${signInFailures.failures} + 1 end`;
  const [address] = await db
    .insert(signInFailures)
    .values({ key: addressKey, failures: 1, lastFailedAt: sql`now()` })
    .onConflictDoUpdate({ target: signInFailures.key, set: { failures, lastFailedAt: sql`now()` } })
    .returning({ failures: signInFailures.failures });
  // 2^(failures − free) seconds once the free failures are used up, never more than the maximum.
  const waitUntil = (count: SQL) =>
    sql`case when ${count} >= ${policy.freeFailures}
      then now() + least(power(2, least(${count} - ${policy.freeFailures}, 30)) * interval '1 second', ${policy.maxDelayMinutes} * interval '1 minute')
      else null end`;
  await db
    .insert(signInFailures)
    .values({
      key: clientKeyOf(addressKey, ip),
      failures: 1,
      lastFailedAt: sql`now()`,
      waitUntil: policy.freeFailures <= 1 ? sql`now() + interval '1 second'` : null,
    })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: { failures, lastFailedAt: sql`now()`, waitUntil: waitUntil(failures) },
    });
  // Counts no longer in force (a day old, no wait running) go as new failures come: a spray over many addresses
  // and clients does not grow the table without end.
  await db
    .delete(signInFailures)
    .where(
      and(
        lt(signInFailures.lastFailedAt, sql`now() - interval '1 day'`),
        or(isNull(signInFailures.waitUntil), lt(signInFailures.waitUntil, sql`now()`)),
      ),
    );
  return { failures: address!.failures };
}

/** Forgets this client's failures for the address, and the address's own count (the owner is back in). */
export async function clearSignInFailures(db: Executor, email: string, ip: string | undefined): Promise<void> {
  const addressKey = addressKeyOf(email);
  await db.delete(signInFailures).where(inArray(signInFailures.key, [addressKey, clientKeyOf(addressKey, ip)]));
}

/** Failed sign-ins for the address in the last day, from every client (shown to admins on the account's record). */
export async function recentSignInFailures(db: Executor, email: string): Promise<number> {
  const [row] = await db
    .select()
    .from(signInFailures)
    .where(eq(signInFailures.key, addressKeyOf(email)));
  return row && row.lastFailedAt.getTime() > Date.now() - DAY_MS ? row.failures : 0;
}

/** An admin lifts the slow-down on an account (the owner asked, on the phone): every count goes, and it is audited. */
export async function clearSignInSlowDown(
  tx: Tx,
  caller: Caller,
  account: { id: string; email: string; unitCode: string | null },
): Promise<void> {
  const cleared = await clearAllSignInFailures(tx, account.email);
  await appendAudit(tx, caller, {
    action: 'auth.sign_in_failures_cleared',
    targetType: 'account',
    targetId: account.id,
    unitCode: account.unitCode,
    details: { cleared },
  });
}

/** Forgets every count for the address, from every client (password reset, an admin's clear). */
export async function clearAllSignInFailures(db: Executor, email: string): Promise<number> {
  const addressKey = addressKeyOf(email);
  const rows = await db
    .delete(signInFailures)
    .where(or(eq(signInFailures.key, addressKey), like(signInFailures.key, `${addressKey}|%`)))
    .returning({ key: signInFailures.key });
  return rows.length;
}
