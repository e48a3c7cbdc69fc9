import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { describeDb, testConfig } from '../../test/db.ts';
import { makeCitizen, sessionCookie } from '../../test/factories.ts';
import type { App } from './http/server.ts';

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
      const res = await app.inject({ url: `/api/v1/log-boom?token=${TOKEN}&nik=${NIK}`, headers: { cookie: `sikoe_session=${BEARER}` } });
      expect(res.statusCode).toBe(500);
    } finally {
      await app.close();
    }
    const failure = lines.find((l) => l.includes('request failed'));
    expect(failure).toContain('database exploded');
    expect(JSON.parse(failure!)).toMatchObject({ level: 50, err: { message: 'database exploded' } });
    for (const line of lines) for (const secret of [TOKEN, NIK, BEARER]) expect(line, line).not.toContain(secret);
  });
});
