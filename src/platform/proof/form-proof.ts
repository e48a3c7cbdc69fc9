import crypto from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { and, eq, gt, lt } from 'drizzle-orm';
import { takeTurn, type Db } from '../db/index.ts';
import { AppError } from '../errors.ts';
import { spentFormProofs } from './schema.ts';

/**
 * A proof that a form was sent by someone willing to spend something: the booking form (against scalpers) and the
 * sign-in form of an address under attack use it. Every form carries a signed, timestamped token bound to a
 * subject (who and what the form is for), good once. With JavaScript the page also solves an ALTCHA proof of work
 * bound to that token, and the form may be sent at once. Without JavaScript no work can be done in the browser, so
 * the token costs time instead: the server refuses it until `formMinSeconds` after the page was served.
 *
 * Trade-off: the time lock costs a person nothing but waiting. A script could hold many forms open in parallel and
 * send them all once the wait has run, so forms sent without work take turns per subject: one in `formMinSeconds`
 * (for sign-in, per address, from every client together). The ALTCHA path costs CPU instead, which parallel forms do
 * not avoid. Spent tokens are kept in the database (spent_form_proofs), so a token is good once across processes.
 */
export type ProofSettings = {
  /** A form sent without a solved proof of work must be at least this old (the no-JavaScript time lock). */
  formMinSeconds: number;
  /** A form (its token and its ALTCHA challenge) is good for this long after the page was served. */
  formMaxMinutes: number;
  /** ALTCHA proof of work: SHA-256 over salt + counter, the counter drawn from this range. */
  pow: { algorithm: string; cost: number; counterMin: number; counterMax: number };
};
export type ProofInput = { token: string; altcha?: string; subject: string };
export type IssuedForm = { token: string; challenge: Challenge; readyAt: Date };

type TokenParts = { issuedAt: number; nonce: string; signature: string };

/** The lock space in which forms sent without work for one subject take turns (takeTurn). */
const TIME_LOCK_SPACE = 7412;

export class FormProof {
  private readonly tokenKey: string;
  private readonly challengeKey: string;
  private readonly derivedKeyKey: string;

  /** `messages`: the catalogue prefix of the refusals (`<messages>.invalid`, `.expired`, `.tooFast`, `.busy`, `.used`). */
  constructor(
    private readonly db: () => Db,
    secret: string,
    private readonly settings: ProofSettings,
    private readonly messages: string,
  ) {
    const derive = (label: string) => crypto.createHmac('sha256', secret).update(label).digest('base64url');
    this.tokenKey = derive('form-token');
    this.challengeKey = derive('altcha-challenge');
    this.derivedKeyKey = derive('altcha-derived-key');
  }

  /** A new form: its token and its proof-of-work challenge. An existing, still unspent token may be kept. */
  async issue(subject: string, keep?: string, now = new Date()): Promise<IssuedForm> {
    const kept = keep ? this.parse(keep) : null;
    const usable =
      kept && this.signatureOk(kept, subject) && !this.tooOld(kept, now.getTime()) && !(await this.isSpent(kept.nonce));
    const parts = usable
      ? kept
      : this.sign({ issuedAt: now.getTime(), nonce: crypto.randomBytes(12).toString('base64url') }, subject);
    const { pow } = this.settings;
    const challenge = await createChallenge({
      algorithm: pow.algorithm,
      cost: pow.cost,
      counter: randomInt(pow.counterMax, pow.counterMin),
      deriveKey,
      data: { form: parts.nonce },
      expiresAt: new Date(this.expiresAt(parts)),
      hmacSignatureSecret: this.challengeKey,
      hmacKeySignatureSecret: this.derivedKeyKey,
    });
    const token = [parts.issuedAt, parts.nonce, parts.signature].join('.');
    return { token, challenge, readyAt: new Date(parts.issuedAt + this.settings.formMinSeconds * 1000) };
  }

  /**
   * Accepts the form once: with a solved challenge at once; without one only after the time lock, and only when no
   * other form for the subject was accepted without work in the last `formMinSeconds`.
   */
  async check(input: ProofInput, now = new Date()): Promise<void> {
    const parts = this.parse(input.token);
    if (!parts || !this.signatureOk(parts, input.subject)) throw this.refuse('invalid');
    const at = now.getTime();
    if (this.tooOld(parts, at)) throw this.refuse('expired');
    if (await this.isSpent(parts.nonce)) throw this.refuse('used');
    const worked = await this.solved(input.altcha, parts.nonce);
    if (!worked && at - parts.issuedAt < this.settings.formMinSeconds * 1000) throw this.refuse('tooFast');
    const subjectHash = crypto.createHash('sha256').update(input.subject).digest('hex');
    await this.db().transaction(async (tx) => {
      if (!worked) {
        await takeTurn(tx, TIME_LOCK_SPACE, subjectHash);
        const recent = await tx.$count(
          spentFormProofs,
          and(
            eq(spentFormProofs.subjectHash, subjectHash),
            eq(spentFormProofs.timeLocked, true),
            gt(spentFormProofs.spentAt, new Date(at - this.settings.formMinSeconds * 1000)),
          ),
        );
        if (recent > 0) throw this.refuse('busy');
      }
      const spent = await tx
        .insert(spentFormProofs)
        .values({
          nonce: parts.nonce,
          subjectHash,
          timeLocked: !worked,
          spentAt: now,
          forgetAt: new Date(this.expiresAt(parts)),
        })
        .onConflictDoNothing()
        .returning({ nonce: spentFormProofs.nonce });
      if (spent.length === 0) throw this.refuse('used');
      await tx.delete(spentFormProofs).where(lt(spentFormProofs.forgetAt, now));
    });
  }

  private async isSpent(nonce: string): Promise<boolean> {
    return (await this.db().$count(spentFormProofs, eq(spentFormProofs.nonce, nonce))) > 0;
  }

  /** The message keys of the refusals whose form may be sent again as it is (its token kept, the wait counted). */
  isWaitRefusal(key: string | undefined): boolean {
    return key === `${this.messages}.tooFast` || key === `${this.messages}.busy`;
  }

  private refuse(key: 'invalid' | 'expired' | 'tooFast' | 'busy' | 'used') {
    return new AppError('validation_failed', { proof: `${this.messages}.${key}` });
  }

  private async solved(payload: string | undefined, nonce: string): Promise<boolean> {
    if (!payload) return false;
    let decoded: { challenge?: Challenge; solution?: Solution };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
    } catch {
      return false;
    }
    const { challenge, solution } = decoded;
    if (!challenge?.parameters || !solution || challenge.parameters.data?.form !== nonce) return false;
    if (challenge.parameters.algorithm !== this.settings.pow.algorithm) return false;
    const result = await verifySolution({
      challenge,
      solution,
      deriveKey,
      hmacSignatureSecret: this.challengeKey,
      hmacKeySignatureSecret: this.derivedKeyKey,
    }).catch(() => null);
    return result?.verified === true;
  }

  private parse(token: string): TokenParts | null {
    const [issuedAt, nonce, signature, ...rest] = token.split('.');
    if (!issuedAt || !nonce || !signature || rest.length > 0 || !/^\d{1,15}$/.test(issuedAt)) return null;
    return { issuedAt: Number(issuedAt), nonce, signature };
  }

  private mac(parts: Omit<TokenParts, 'signature'>, subject: string): string {
    return crypto
      .createHmac('sha256', this.tokenKey)
      .update(JSON.stringify([subject, parts.issuedAt, parts.nonce]))
      .digest('base64url');
  }

  private sign(parts: Omit<TokenParts, 'signature'>, subject: string): TokenParts {
    return { ...parts, signature: this.mac(parts, subject) };
  }

  private signatureOk(parts: TokenParts, subject: string): boolean {
    const expected = Buffer.from(this.mac(parts, subject));
    const given = Buffer.from(parts.signature);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }

  private expiresAt(parts: TokenParts): number {
    return parts.issuedAt + this.settings.formMaxMinutes * 60_000;
  }

  private tooOld(parts: TokenParts, at: number): boolean {
    return at > this.expiresAt(parts) || parts.issuedAt > at + 60_000;
  }
}
