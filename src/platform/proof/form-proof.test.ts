import crypto from 'node:crypto';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { solveAltcha } from '../../../test/proof.ts';
import type { AppError } from '../errors.ts';
import { FormProof, type ProofSettings } from './form-proof.ts';

const settings: ProofSettings = {
  formMinSeconds: 10,
  formMaxMinutes: 30,
  pow: { algorithm: 'SHA-256', cost: 1, counterMin: 10, counterMax: 50 },
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (err: AppError) => err.fields?.proof,
  );

describeDb('form proof', (ctx) => {
  // Two server processes: the same secret, one database.
  const secret = crypto.randomBytes(16).toString('hex');
  const one = new FormProof(() => ctx.db, secret, settings, 'booking.proof');
  const other = new FormProof(() => ctx.db, secret, settings, 'booking.proof');
  const subject = () => `test:${crypto.randomUUID()}`;
  const after = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

  it('accepts a form once across processes, and one without work only after its wait', async () => {
    const forWhom = subject();
    const issuedAt = new Date();
    const form = await one.issue(forWhom, undefined, issuedAt);
    expect(await refusal(one.check({ token: form.token, subject: forWhom }, after(issuedAt, 5)))).toBe(
      'booking.proof.tooFast',
    );
    expect(await refusal(one.check({ token: form.token, subject: forWhom }, after(issuedAt, 11)))).toBe('accepted');
    expect(await refusal(other.check({ token: form.token, subject: forWhom }, after(issuedAt, 12)))).toBe(
      'booking.proof.used',
    );
    expect((await other.issue(forWhom, form.token, after(issuedAt, 12))).token).not.toBe(form.token);
    expect(await refusal(one.check({ token: form.token, subject: subject() }, after(issuedAt, 12)))).toBe(
      'booking.proof.invalid',
    );
  });

  it('lets forms without work for one subject take turns, however many were held open, while solved work goes at once', async () => {
    const forWhom = subject();
    const issuedAt = new Date();
    // A script collects forms, waits out their time lock, and sends them all at once.
    const hoarded = await Promise.all([1, 2, 3].map(() => one.issue(forWhom, undefined, issuedAt)));
    const ready = after(issuedAt, 11);
    const sent = [];
    for (const form of hoarded) sent.push(await refusal(one.check({ token: form.token, subject: forWhom }, ready)));
    expect(sent).toEqual(['accepted', 'booking.proof.busy', 'booking.proof.busy']);
    expect(await refusal(other.check({ token: hoarded[1]!.token, subject: forWhom }, after(ready, 11)))).toBe(
      'accepted',
    );
    // Another subject has its own turn; a form with its work solved needs none.
    const elsewhere = subject();
    const theirs = await one.issue(elsewhere, undefined, issuedAt);
    expect(await refusal(one.check({ token: theirs.token, subject: elsewhere }, ready))).toBe('accepted');
    const worked = await one.issue(forWhom, undefined, new Date());
    const altcha = await solveAltcha(worked.challenge);
    expect(await refusal(one.check({ token: worked.token, altcha, subject: forWhom }, after(ready, 11)))).toBe(
      'accepted',
    );
  });
});
