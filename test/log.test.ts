import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { describeDb, testConfig } from './db.ts';
import { makeCitizen, sessionCookie } from './factories.ts';
import type { App } from '../src/platform/http/server.ts';
import { safeError } from '../src/platform/log.ts';

const TOKEN = 'abc123secret';
const NIK = '5371010101900001';
const BEARER = 'sikoe_bearerSecretValue42';

describeDb('request logs', (ctx) => {
  /** An app logging at debug level into `lines`; `setup` may add routes before it starts. */
  async function loggedApp(setup: (app: App) => void = () => {}): Promise<{ app: App; lines: string[] }> {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = await buildApp(testConfig({ logLevel: 'debug' }), ctx.database, { logStream });
    setup(app);
    await app.ready();
    return { app, lines };
  }

  it('log requests by path and never carry tokens, NIKs, credentials or cookies', async () => {
    const { app, lines } = await loggedApp();
    try {
      const session = await sessionCookie(ctx.db, await makeCitizen(ctx.db));
      const requests = [
        { url: `/verify?token=${TOKEN}&nik=${NIK}`, headers: { authorization: `Bearer ${BEARER}` } },
        { url: `/verify?token=${TOKEN}&nik=${NIK}` },
        { url: `/api/v1/units?token=${TOKEN}&nik=${NIK}`, headers: { authorization: `Bearer ${BEARER}` } },
        { url: `/no-such-page?token=${TOKEN}&nik=${NIK}`, headers: { cookie: session } },
        { url: `/api/v1/nothing/${NIK}?token=${TOKEN}` },
        { url: `/units/%E0%A4%A?token=${TOKEN}&nik=${NIK}` },
      ];
      for (const req of requests) await app.inject(req);
      await app.inject({
        method: 'POST',
        url: `/api/v1/auth/token?nik=${NIK}`,
        payload: { email: 'someone@example.org', password: `pw-${TOKEN}`, nik: NIK },
        headers: { authorization: `Bearer ${BEARER}` },
      });

      const requestLines = lines.map((l) => JSON.parse(l) as { msg?: string; req?: { path?: string } });
      // The logs do describe the requests …
      expect(requestLines.some((l) => l.msg === 'incoming request' && l.req?.path === '/verify')).toBe(true);
      expect(requestLines.filter((l) => l.msg === 'request completed').length).toBeGreaterThanOrEqual(requests.length);
      // … without any secret.
      const secrets = [TOKEN, NIK, BEARER, session.split('=')[1]!];
      for (const line of lines) for (const secret of secrets) expect(line, line).not.toContain(secret);
    } finally {
      await app.close();
    }
  });

  it('keep the cause of a failure but not the request it came with', async () => {
    const { app, lines } = await loggedApp((a) =>
      a.get('/api/v1/log-boom', async () => {
        throw new Error('database exploded');
      }),
    );
    try {
      const res = await app.inject({
        url: `/api/v1/log-boom?token=${TOKEN}&nik=${NIK}`,
        headers: { cookie: `sikoe_session=${BEARER}` },
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    const failure = lines.find((l) => l.includes('request failed'));
    expect(failure).toContain('database exploded');
    expect(JSON.parse(failure!)).toMatchObject({ level: 50, err: { message: 'database exploded' } });
    for (const line of lines) for (const secret of [TOKEN, NIK, BEARER]) expect(line, line).not.toContain(secret);
  });

  it('never carry the parameters of a failed SQL statement: personal data stays out, the cause stays in', async () => {
    const account = await makeCitizen(ctx.db);
    const email = `leak-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$leakedhashvalue';
    const { app, lines } = await loggedApp((a) => {
      // A statement the database refuses, with personal data among its parameters: a duplicate account.
      a.post('/api/v1/log-duplicate', async () => {
        await a.deps.database.db.execute(
          sql`insert into accounts (id, email, name, password_hash, kind) values (${account.id}, ${email}, ${'Maria ' + NIK}, ${hash}, 'citizen')`,
        );
      });
      a.post('/api/v1/log-cast', async () => {
        await a.deps.database.db.execute(sql`select ${NIK + email}::uuid`);
      });
    });
    try {
      // A unique key lost to another write is a 409 (the request may be sent again), logged as a warning.
      expect((await app.inject({ method: 'POST', url: '/api/v1/log-duplicate' })).statusCode).toBe(409);
      expect((await app.inject({ method: 'POST', url: '/api/v1/log-cast' })).statusCode).toBe(422);
      // Sign-up with a NUL byte in the name: refused as bad input before any statement runs.
      const nul = await app.inject({
        method: 'POST',
        url: '/api/v1/accounts',
        payload: { email, password: `pw-${TOKEN}-long`, name: `Maria\u0000${NIK}` },
      });
      expect(nul.statusCode).toBe(422);
      expect(nul.json()).toMatchObject({ error: { code: 'validation_failed', fields: { name: expect.any(String) } } });
    } finally {
      await app.close();
    }
    const duplicate = JSON.parse(lines.find((l) => l.includes('a concurrent write won'))!);
    expect(duplicate).toMatchObject({
      level: 40,
      err: { sqlState: '23505', constraint: 'accounts_pkey', message: 'database error 23505' },
    });
    expect(duplicate.err.query).toContain('insert into accounts');
    expect(JSON.parse(lines.find((l) => l.includes('refused input'))!)).toMatchObject({
      level: 40,
      err: { sqlState: '22P02' },
    });
    for (const line of lines)
      for (const secret of [NIK, email, hash, account.id, TOKEN]) expect(line, line).not.toContain(secret);
  });

  it('mask the addresses and numbers other errors quote, such as an SMTP refusal naming its recipient', () => {
    const refusal = Object.assign(
      new Error(
        `Can't send mail - all recipients were rejected: 550 5.1.1 <maria.bria@example.org>: Recipient address rejected (NIK ${NIK})`,
      ),
      { code: 'EENVELOPE', responseCode: 550 },
    );
    const kept = safeError(refusal);
    expect(kept.message).toBe(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: Recipient address rejected (NIK [number])",
    );
    expect(JSON.stringify(kept)).not.toContain('maria.bria');
  });
});
