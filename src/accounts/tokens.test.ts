import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp, type AppContext } from '../../test/db.ts';
import { PASSWORD, makeCitizen, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { apiTokens } from '../platform/auth/schema.ts';
import { queryRows } from '../platform/db/index.ts';
import { auditFor, signedInBrowser } from './test-support.ts';
import { listSessions } from '../platform/auth/sessions.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function issueToken(ctx: AppContext, email: string, name?: string): Promise<string> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email, password: PASSWORD, ...(name ? { name } : {}) },
  });
  expect(res.statusCode).toBe(200);
  return res.json().token as string;
}

describeApp('API tokens', (ctx) => {
  it('issues a bearer token for email and password, and keeps only its sha256', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await issueToken(ctx, citizen.email, 'script');
    expect(token).toMatch(/^sikoe_[A-Za-z0-9_-]{40,}$/);
    const me = await ctx.app.inject({ url: '/api/v1/me', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: citizen.id,
      kind: 'citizen',
      name: citizen.name,
      email: citizen.email,
      role: null,
      unitCode: null,
    });

    const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'script',
      tokenHash: crypto.createHash('sha256').update(token).digest('hex'),
      prefix: token.slice(0, 12),
    });
    await ctx.app.deps.tokenUses.flush();
    const [used] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id));
    expect(used!.lastUsedAt).toBeInstanceOf(Date);
    const leaked = await queryRows(
      ctx.db,
      sql`select 1 from api_tokens t where position(${token} in row_to_json(t)::text) > 0`,
    );
    expect(leaked).toHaveLength(0);
    expect(await auditFor(ctx.db, rows[0]!.id, 'token.create')).toHaveLength(1);

    const list = await ctx.app.inject({ url: '/api/v1/me/tokens', headers: bearer(token) });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: rows[0]!.id, name: 'script', prefix: token.slice(0, 12), revokedAt: null }),
    ]);
    expect(list.body).not.toContain(rows[0]!.tokenHash);
  });

  it('refuses unknown and malformed bearer tokens', async () => {
    for (const authorization of ['Bearer sikoe_nope', 'Bearer', 'Basic abc']) {
      const res = await ctx.app.inject({ url: '/api/v1/me', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
  });

  it('creates a token on the account page, shows it once, and revokes it there', async () => {
    const citizen = await makeCitizen(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen));
    expect((await browser.get('/account')).statusCode).toBe(200);
    const created = await browser.post('/account/tokens', { name: 'aplikasi loket' });
    expect(created.statusCode).toBe(200);
    const token = /<code class="token">(sikoe_[^<]+)<\/code>/.exec(created.body)?.[1];
    expect(token).toBeDefined();
    expect(created.body).toContain('hanya ditampilkan sekali');

    const later = await browser.get('/account');
    expect(later.body).not.toContain(token!);
    expect(later.body).toContain('aplikasi loket');
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(token!) })).json().id).toBe(citizen.id);

    const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id));
    expect(row!.tokenHash).not.toBe(token);
    const revoked = await browser.post(`/account/tokens/${row!.id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expect(revoked.headers.location).toBe('/account');
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(token!) })).statusCode).toBe(401);
    const [after] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(after!.revokedAt).toBeInstanceOf(Date);
    expect(await auditFor(ctx.db, row!.id, 'token.revoke')).toHaveLength(1);
    expect((await browser.post(`/account/tokens/${row!.id}/revoke`, {})).statusCode).toBe(404);
  });

  it('refuses a bad token name with a message on the form, storing nothing', async () => {
    const citizen = await makeCitizen(ctx.db);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen));
    await browser.get('/account');
    for (const [name, id, en] of [
      ['  ', 'Wajib diisi.', 'Required.'],
      ['x'.repeat(81), 'Terlalu panjang.', 'Too long.'],
    ] as const) {
      const res = await browser.post('/account/tokens', { name });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(`<p class="error" id="f-name-error">${id}</p>`);
      const english = await browser
        .setCookie('lang=en')
        .request({ method: 'POST', url: '/account/tokens', form: { name } });
      browser.setCookie('lang=id');
      expect(english.body).toContain(`<p class="error" id="f-name-error">${en}</p>`);
    }
    expect(await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, citizen.id))).toHaveLength(0);
  });

  it('revokes through the API with the token itself; a session cookie cannot', async () => {
    const officer = await makeCitizen(ctx.db);
    const keep = await issueToken(ctx, officer.email);
    const drop = await issueToken(ctx, officer.email);
    const [dropRow] = await ctx.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, crypto.createHash('sha256').update(drop).digest('hex')));

    const byCookie = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${dropRow!.id}`,
      headers: { cookie: await sessionCookie(ctx.db, officer) },
    });
    expect(byCookie.statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(drop) })).statusCode).toBe(200);

    const res = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${dropRow!.id}`,
      headers: bearer(keep),
    });
    expect(res.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(drop) })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(keep) })).statusCode).toBe(200);
    const again = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${dropRow!.id}`,
      headers: bearer(keep),
    });
    expect(again.statusCode).toBe(404);
    const bad = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/me/tokens/not-a-uuid', headers: bearer(keep) });
    expect(bad.statusCode).toBe(422);
  });

  it("does not let anyone revoke another account's token", async () => {
    const owner = await makeCitizen(ctx.db);
    const other = await makeCitizen(ctx.db);
    const ownerToken = await issueToken(ctx, owner.email);
    const otherToken = await issueToken(ctx, other.email);
    const [row] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.accountId, owner.id));

    const api = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${row!.id}`,
      headers: bearer(otherToken),
    });
    expect(api.statusCode).toBe(404);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, other));
    await browser.get('/account');
    const form = await browser.post(`/account/tokens/${row!.id}/revoke`, {});
    expect(form.statusCode).toBe(404);

    const [after] = await ctx.db.select().from(apiTokens).where(eq(apiTokens.id, row!.id));
    expect(after!.revokedAt).toBeNull();
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(ownerToken) })).statusCode).toBe(200);
    const otherList = await ctx.app.inject({ url: '/api/v1/me/tokens', headers: bearer(otherToken) });
    expect(otherList.json().map((t: { id: string }) => t.id)).not.toContain(row!.id);
  });

  it('stops honouring the tokens of a disabled account', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await issueToken(ctx, citizen.email);
    await ctx.db.execute(sql`update accounts set disabled_at = now() where id = ${citizen.id}`);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(401);
  });

  it('lists the devices signed in, ends another one, and signs out everywhere (sessions and tokens)', async () => {
    const citizen = await makeCitizen(ctx.db);
    const phone = await signedInBrowser(
      ctx.app,
      citizen.email,
      PASSWORD,
      undefined,
      'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
    );
    const laptop = await signedInBrowser(
      ctx.app,
      citizen.email,
      PASSWORD,
      undefined,
      'Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/121.0',
    );
    const api = await issueToken(ctx, citizen.email);

    const page = await laptop.browser.get('/account');
    expect(page.body).toContain('Chrome · Android');
    expect(page.body).toContain('Firefox · Windows');
    expect(page.body).toContain('Perangkat ini');
    const phoneId = /action="\/account\/sessions\/([0-9a-f]{16})\/end"/.exec(page.body)![1]!;
    const ended = await laptop.browser.post(`/account/sessions/${phoneId}/end`, {});
    expect(ended.headers.location).toBe('/account?ended=1');
    expect((await phone.browser.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.browser.get('/api/v1/me')).statusCode).toBe(200);
    expect(await auditFor(ctx.db, citizen.id, 'auth.session_ended')).toHaveLength(1);
    // Someone else's session id is as unknown as a missing one, and that session goes on.
    const someoneElse = await makeCitizen(ctx.db);
    const other = await signedInBrowser(ctx.app, someoneElse.email, PASSWORD);
    const [otherSession] = await listSessions(ctx.db, someoneElse.id, null);
    expect((await laptop.browser.post(`/account/sessions/${otherSession!.id}/end`, {})).statusCode).toBe(404);
    expect((await other.browser.get('/api/v1/me')).statusCode).toBe(200);
    expect((await laptop.browser.post('/account/sessions/0123456789abcdef/end', {})).statusCode).toBe(404);

    const everywhere = await laptop.browser.post('/account/sign-out-everywhere', {});
    expect(everywhere.headers.location).toBe('/login');
    expect((await laptop.browser.get('/api/v1/me')).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/me', headers: bearer(api) })).statusCode).toBe(401);
    expect(await auditFor(ctx.db, citizen.id, 'auth.sign_out_everywhere')).toHaveLength(1);
  });

  it('shows each token with its expiry on the account page', async () => {
    const citizen = await makeCitizen(ctx.db);
    await issueToken(ctx, citizen.email, 'reporting');
    const page = await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, citizen)).get('/account');
    expect(page.body).toContain('Berlaku sampai');
    expect(page.body).toContain('Token baru berlaku 90 hari.');
    const json = await ctx.app.inject({
      url: '/api/v1/me/tokens',
      headers: bearer(await issueToken(ctx, citizen.email)),
    });
    expect(json.json()[0]).toHaveProperty('expiresAt');
  });
});
