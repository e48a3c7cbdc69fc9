import crypto from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { constraintOf, queryRows, sqlState, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Waiter } from './standing.ts';

/**
 * The pass an admitted place is given: `<expires ms>.<waited s>.<nonce>.<HMAC>`, the HMAC over the unit, the
 * account, the expiry, the seconds the place waited and the nonce with a server secret (server_secrets 'waiting-room-pass'), so it is good only for that
 * account at that unit, until it expires, and once (its nonce goes into spent_waiting_room_passes when used).
 * Checking the signature needs no database; a booking spends it inside its own statement (passGuard), other callers
 * with spendPass.
 */
export type PassKey = { key: string; minutes: number };
export type IssuedPass = { pass: string; expiresAt: Date };
/**
 * `waitedSeconds`: how long the place waited for its turn. A booking may count it as the proof's cost (the form's
 * time lock) when it is at least that long: the wait in the room was paid then, not at the form.
 */
export type CheckedPass = { nonce: string; expiresAt: Date; waitedSeconds: number };

export function passKey(secret: string, minutes: number): PassKey {
  return { key: crypto.createHmac('sha256', secret).update('waiting-room-pass').digest('base64url'), minutes };
}

const mac = (key: PassKey, waiter: Waiter, expiresMs: number, waited: number, nonce: string) =>
  crypto
    .createHmac('sha256', key.key)
    .update(JSON.stringify([waiter.unitCode, waiter.accountId, expiresMs, waited, nonce]))
    .digest('base64url');

const refuse = (reason: 'invalid' | 'expired' | 'used') =>
  new AppError('waiting_room_pass_invalid', { pass: `waitingRoom.pass.${reason}` });

/** A new pass for an admitted place; the caller has checked that the place is admitted (see admitOrWait). */
export function issuePass(key: PassKey, waiter: Waiter, waitedSeconds: number, now = new Date()): IssuedPass {
  const expiresMs = now.getTime() + key.minutes * 60_000;
  const waited = Math.max(0, Math.floor(waitedSeconds));
  const nonce = crypto.randomBytes(12).toString('base64url');
  return {
    pass: `${expiresMs}.${waited}.${nonce}.${mac(key, waiter, expiresMs, waited, nonce)}`,
    expiresAt: new Date(expiresMs),
  };
}

/**
 * Checks a pass without the database: its signature for this account and unit, and its expiry. Throws
 * `waiting_room_pass_required` when none was given and `waiting_room_pass_invalid` (fields.pass: invalid or
 * expired) otherwise. Whether it was used already is for passGuard / spendPass.
 */
export function checkPass(key: PassKey, pass: string | undefined, waiter: Waiter, now = new Date()): CheckedPass {
  if (!pass) throw new AppError('waiting_room_pass_required');
  const [expires, waited, nonce, signature, ...rest] = pass.split('.');
  const digits = (v: string | undefined): v is string => /^\d{1,15}$/.test(v ?? '');
  if (!digits(expires) || !digits(waited) || !nonce || !signature || rest.length > 0) throw refuse('invalid');
  const expected = Buffer.from(mac(key, waiter, Number(expires), Number(waited), nonce));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) throw refuse('invalid');
  if (Number(expires) <= now.getTime()) throw refuse('expired');
  return { nonce, expiresAt: new Date(Number(expires)), waitedSeconds: Number(waited) };
}

/** The spending of a checked pass as a statement that yields one row (`nonce`) only if the pass was not spent before. */
export function spendPassSql(checked: CheckedPass): SQL {
  return sql`insert into spent_waiting_room_passes (nonce, forget_at)
    values (${checked.nonce}, ${checked.expiresAt.toISOString()}::timestamptz)
    on conflict (nonce) do nothing returning nonce`;
}

/**
 * A checked pass as the guard of a booking's one statement: the booking goes ahead only while the pass is unspent
 * (`holds`, a condition), and the pass is spent only by a booking that is made (`onPlaced`: an insert from the
 * statement's placed rows), so a refused booking leaves it unspent. Two bookings racing on one pass both see it
 * unspent; the second one's insert then fails on the key (`isSpentConflict`), and its whole statement with it.
 */
export function passGuard(checked: CheckedPass) {
  return {
    holds: sql`not exists (select 1 from spent_waiting_room_passes where nonce = ${checked.nonce})`,
    onPlaced: (placed: SQL) => sql`insert into spent_waiting_room_passes (nonce, forget_at)
      select ${checked.nonce}, ${checked.expiresAt.toISOString()}::timestamptz from ${placed}`,
    isSpentConflict: (err: unknown) =>
      sqlState(err) === '23505' && constraintOf(err) === 'spent_waiting_room_passes_pkey',
  };
}

/** Checks and spends a pass in its own statement, for callers that do not fold it into theirs. */
export async function spendPass(
  db: Executor,
  key: PassKey,
  pass: string | undefined,
  waiter: Waiter,
  now = new Date(),
): Promise<void> {
  const checked = checkPass(key, pass, waiter, now);
  const spent = await queryRows<{ nonce: string }>(db, spendPassSql(checked));
  if (spent.length === 0) throw refuse('used');
}

/** The refusal for a pass found spent by a caller that used passGuard. */
export const passUsed = () => refuse('used');
