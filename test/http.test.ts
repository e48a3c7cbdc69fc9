import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { describeApp, drivers, testConfig } from './db.ts';
import { openDatabase, type Database, type DriverKind } from '../src/platform/db/index.ts';

const testEnv = (): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: inject('testDataDir') });
/** Every error response, on every path, has exactly this shape. */
function expectErrorShape(body: unknown, code?: string) {
  expect(body).toEqual({
    error: expect.objectContaining({ code: code ?? expect.any(String), message: expect.any(String) }),
  });
  const error = (body as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
  expect(String(error.message).length).toBeGreaterThan(0);
  if ('fields' in error)
    expect(Object.values(error.fields as object).every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
}

describeApp('http platform', (ctx) => {
  it('answers liveness without touching anything', async () => {
    const res = await ctx.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers readiness when the database does', async () => {
    const res = await ctx.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('describes the API as OpenAPI 3, public routes only', async () => {
    const res = await ctx.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/units']).toHaveProperty('get');
    expect(doc.paths['/api/v1/auth/token']).toHaveProperty('post');
    for (const hidden of ['/login', '/metrics', '/api/openapi.json', '/lang/{lang}'])
      expect(doc.paths).not.toHaveProperty(hidden);
  });

  it('serves the Swagger UI at /docs', async () => {
    let res = await ctx.app.inject({ url: '/docs' });
    for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
      res = await ctx.app.inject({ url: new URL(String(res.headers.location), 'http://localhost/docs/').pathname });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/swagger-ui/i);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src [^;]*'self'/);
    expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
  });

  it('exports Prometheus metrics labelled by route pattern, never by raw URL', async () => {
    await ctx.app.inject({ url: '/api/v1/units' });
    await ctx.app.inject({ url: '/units/KANIM-KUPANG' });
    await ctx.app.inject({ url: '/no-such-page-12345' });
    const res = await ctx.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('# TYPE sikoe_http_request_duration_seconds histogram');
    expect(res.body).toMatch(
      /sikoe_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status="200"\} \d+/,
    );
    expect(res.body).toContain('route="/units/:code"');
    expect(res.body).toContain('route="unmatched"');
    expect(res.body).not.toContain('KANIM-KUPANG');
    expect(res.body).not.toContain('no-such-page');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('shows the metrics only to the allowed addresses or with the metrics token', async () => {
    const outside = { remoteAddress: '203.0.113.9' };
    expect((await ctx.app.inject({ url: '/metrics', ...outside })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    const token = 'metrics-token-0123456789';
    const guarded = await buildApp(testConfig({ metrics: { token, allow: ['10.1.0.0/16'] } }), ctx.database);
    try {
      expect((await guarded.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
      expect((await guarded.inject({ url: '/metrics', remoteAddress: '10.2.0.1' })).statusCode).toBe(403);
      expect(
        (await guarded.inject({ url: '/metrics', ...outside, headers: { authorization: `Bearer ${token}` } }))
          .statusCode,
      ).toBe(200);
      expect(
        (
          await guarded.inject({
            url: '/metrics',
            ...outside,
            headers: { authorization: 'Bearer wrong-token-000000000' },
          })
        ).statusCode,
      ).toBe(403);
    } finally {
      await guarded.close();
    }
    // A proxy on this machine without TRUST_PROXY: its requests come from 127.0.0.1, yet are from outside.
    expect(
      (
        await ctx.app.inject({
          url: '/metrics',
          remoteAddress: '127.0.0.1',
          headers: { 'x-forwarded-for': '203.0.113.9' },
        })
      ).statusCode,
    ).toBe(403);
    // With TRUST_PROXY=true (that proxy trusted) the client's own address decides, whatever it claims to be.
    const proxied = await buildApp(loadConfig({ ...testEnv(), TRUST_PROXY: 'true' }), ctx.database);
    try {
      expect(
        (
          await proxied.inject({
            url: '/metrics',
            remoteAddress: '127.0.0.1',
            headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await proxied.inject({
            url: '/metrics',
            remoteAddress: '203.0.113.9',
            headers: { 'x-forwarded-for': '127.0.0.1' },
          })
        ).statusCode,
      ).toBe(403);
      expect((await proxied.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('reads TRUST_PROXY as the proxies to believe, never every hop, and refuses mistyped addresses', () => {
    expect(loadConfig({ ...testEnv() }).trustProxy).toBe(false);
    expect(loadConfig({ ...testEnv(), TRUST_PROXY: 'true' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...testEnv(), TRUST_PROXY: '10.0.0.2, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.2',
      '10.1.0.0/16',
    ]);
    expect(() => loadConfig({ ...testEnv(), TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    // A mistyped network is refused with the setting's name, not later by the server's start.
    expect(() => loadConfig({ ...testEnv(), TRUST_PROXY: '10.0.0.0/abc' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...testEnv(), METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/METRICS_ALLOW/);
    expect(loadConfig({ ...testEnv(), METRICS_ALLOW: '10.0.0.0/8, ::1' }).metrics.allow).toEqual(['10.0.0.0/8', '::1']);
  });

  it('sends security headers with pages', async () => {
    const res = await ctx.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('default-src')).toBe("default-src 'self'");
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    // Plain http (tests, local use): no HSTS, which would lock browsers out of a server without TLS.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses a JSON body over 1 MiB with 413 payload_too_large', async () => {
    const huge = JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(1024 * 1024), name: 'A' });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 'payload_too_large');
  });

  it('answers unknown routes with JSON under /api and with a page elsewhere', async () => {
    const api = await ctx.app.inject({ url: '/api/v1/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
    expectErrorShape(api.json(), 'not_found');

    const page = await ctx.app.inject({ url: '/no-such-page' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toMatch(/^<!doctype html>/);
    expect(page.body).toContain('<html lang="id"');
    const en = await ctx.app.inject({ url: '/no-such-page', headers: { cookie: 'lang=en' } });
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Error 404');

    const undecodable = await ctx.app.inject({ url: '/units/%E0%A4%A', headers: { cookie: 'lang=en' } });
    expect(undecodable.statusCode).toBe(404);
    expect(undecodable.headers['content-type']).toMatch(/text\/html/);
    expect(undecodable.body).toContain('Error 404');
  });

  it('gives every API error the one shape', async () => {
    const json = { 'content-type': 'application/json' };
    const cases = [
      { req: { url: '/api/v1/units/NOPE' }, status: 404, code: 'not_found' },
      {
        req: { url: '/api/v1/units', headers: { authorization: 'Bearer not-a-real-token' } },
        status: 401,
        code: 'unauthenticated',
      },
      {
        req: { method: 'POST' as const, url: '/api/v1/auth/token', payload: '{"email":', headers: json },
        status: 422,
        code: 'validation_failed',
      },
      {
        req: {
          method: 'POST' as const,
          url: '/api/v1/auth/token',
          payload: 'email=a',
          headers: { 'content-type': 'text/csv' },
        },
        status: 422,
        code: 'validation_failed',
      },
      {
        req: { method: 'POST' as const, url: '/api/v1/auth/token', payload: { email: 'not-an-email' }, headers: json },
        status: 422,
        code: 'validation_failed',
      },
      // Malformed percent-encoding fails inside Fastify's router, before any hook or handler.
      { req: { url: '/api/v1/units/%E0%A4%A' }, status: 404, code: 'not_found' },
      { req: { url: '/api' }, status: 404, code: 'not_found' },
    ];
    for (const { req, status, code } of cases) {
      const res = await ctx.app.inject(req);
      expect(res.statusCode, `${req.url} ${res.body}`).toBe(status);
      expect(res.headers['content-type'], req.url).toMatch(/application\/json/);
      expectErrorShape(res.json(), code);
    }
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'not-an-email' },
    });
    expect(invalid.json().error.fields).toMatchObject({ email: expect.any(String), password: expect.any(String) });
  });

  it('writes a page in its default language until the visitor chooses one', async () => {
    const app = await buildApp(testConfig(), ctx.database);
    app.get('/for-guests', { config: { defaultLang: 'en' } }, async (req) => req.lang);
    app.get('/for-citizens', async (req) => req.lang);
    await app.ready();
    try {
      expect((await app.inject({ url: '/for-guests' })).body).toBe('en');
      expect((await app.inject({ url: '/for-guests', cookies: { lang: 'id' } })).body).toBe('id');
      expect((await app.inject({ url: '/for-citizens' })).body).toBe('id');
    } finally {
      await app.close();
    }
  });

  it('answers a write that lost a race to a unique key or a deadlock with 409 conflict, not 500', async () => {
    const app = await buildApp(testConfig(), ctx.database);
    for (const code of ['23505', '40P01'])
      app.get(`/api/v1/race-${code}`, async () => {
        throw Object.assign(new Error('duplicate key value violates unique constraint'), { code });
      });
    await app.ready();
    try {
      for (const code of ['23505', '40P01']) {
        const res = await app.inject({ url: `/api/v1/race-${code}` });
        expect(res.statusCode).toBe(409);
        expectErrorShape(res.json(), 'conflict');
      }
    } finally {
      await app.close();
    }
  });

  it('hides the cause of unexpected failures', async () => {
    const app = await buildApp(testConfig(), ctx.database);
    app.get('/api/v1/boom', async () => {
      throw new Error('connection string postgres://secret@db');
    });
    app.get('/boom', async () => {
      throw new Error('connection string postgres://secret@db');
    });
    await app.ready();
    try {
      const api = await app.inject({ url: '/api/v1/boom' });
      expect(api.statusCode).toBe(500);
      expectErrorShape(api.json(), 'internal');
      expect(api.body).not.toContain('secret');
      const page = await app.inject({ url: '/boom' });
      expect(page.statusCode).toBe(500);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });
});

describe('readiness without a database', () => {
  const open = (kind: DriverKind): Promise<Database> =>
    kind === 'postgres'
      ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 1 })
      : openDatabase({ kind: 'pglite', loadDataDir: new Blob([fs.readFileSync(inject('pgliteImage'))]) });

  for (const kind of drivers) {
    it(`answers 503 once the database is gone [${kind}]`, async () => {
      const database = await open(kind);
      const app = await buildApp(testConfig(), database);
      await app.ready();
      try {
        expect((await app.inject({ url: '/readyz' })).statusCode).toBe(200);
        await database.close();
        const res = await app.inject({ url: '/readyz' });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ status: 'unavailable' });
        // Liveness does not depend on the database.
        expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      } finally {
        await app.close();
      }
    });
  }
});
