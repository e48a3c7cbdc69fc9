import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeNik, makeOfficer, randomBirthDate, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditFor } from '../accounts/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { lastDayOfPeriod } from './ban-period.ts';
import { watchlistActions, watchlistEntries } from './schema.ts';
import { makeBanEntry } from './test-support.ts';

const tId = translator('id');

describeApp('prevention list management', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const entryNamed = async (fullName: string) =>
    (await ctx.db.select().from(watchlistEntries).where(eq(watchlistEntries.fullName, fullName)))[0];
  const historyOf = (id: string) =>
    ctx.db.select().from(watchlistActions).where(eq(watchlistActions.entryId, id)).orderBy(asc(watchlistActions.id));
  const unique = () => `Orang Uji ${crypto.randomUUID().slice(0, 8)}`;
  const today = witaDate();

  it('lets a head of office add, extend and lift entries on the page, each change in the history and audited', async () => {
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
    const browser = await as(head);
    const name = unique();
    const form = {
      fullName: name,
      nik: '',
      birthDate: randomBirthDate(),
      reason: 'Permintaan penyidik',
      reference: 'B-123/2025',
      validFrom: '',
      validUntil: '',
      requestId: crypto.randomUUID(),
    };
    const added = await browser.post('/officer/watchlist', form, '/officer/watchlist');
    expect(added.statusCode, added.body).toBe(303);
    expect((await browser.post('/officer/watchlist', form)).statusCode).toBe(303);
    const entry = (await entryNamed(name))!;
    // Left empty, the listing starts today and lasts as long as the law allows: six months.
    expect(entry).toMatchObject({
      list: 'exit',
      nik: null,
      birthDate: form.birthDate,
      validFrom: today,
      validUntil: lastDayOfPeriod(today, 6),
      addedBy: head.id,
      nameKey: name.toUpperCase(),
      source: 'officer',
    });
    expect((await ctx.db.select().from(watchlistEntries).where(eq(watchlistEntries.fullName, name))).length).toBe(1);
    expect(await auditFor(ctx.db, entry.id, 'watchlist.add')).toHaveLength(1);
    const list = await browser.get('/officer/watchlist');
    expect(list.body).toContain(name);
    expect(list.body).toContain('Permintaan penyidik');
    expect(list.body).toContain('UU 6/2011 Pasal 97(1) jo. UU 63/2024');

    const tooLong = await browser.post(`/officer/watchlist/${entry.id}/extend`, {
      validUntil: addDays(entry.validUntil, 200),
      reference: 'B-200/2025',
      requestId: 'extend-too-long',
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain(lastDayOfPeriod(addDays(entry.validUntil, 1), 6));
    const extension = { validUntil: addDays(entry.validUntil, 90), reference: 'B-200/2025', requestId: 'extend-one' };
    expect((await browser.post(`/officer/watchlist/${entry.id}/extend`, extension)).statusCode).toBe(303);
    expect((await browser.post(`/officer/watchlist/${entry.id}/extend`, extension)).statusCode).toBe(303);
    expect(await entryNamed(name)).toMatchObject({ validUntil: extension.validUntil, extensions: 1 });
    const again = await browser.post(`/officer/watchlist/${entry.id}/extend`, {
      ...extension,
      validUntil: addDays(extension.validUntil, 1),
      requestId: 'extend-two',
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain(
      tId('watchlist.v.noMoreExtensions', { count: 1, basis: 'UU 6/2011 Pasal 97(1) jo. UU 63/2024' }),
    );

    const noReason = await browser.post(`/officer/watchlist/${entry.id}/lift`, { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(
      (await browser.post(`/officer/watchlist/${entry.id}/lift`, { reason: 'Perkara dihentikan' })).statusCode,
    ).toBe(303);
    expect((await entryNamed(name))!).toMatchObject({ liftedBy: head.id, liftReason: 'Perkara dihentikan' });
    expect(await auditFor(ctx.db, entry.id, 'watchlist.lift')).toHaveLength(1);
    expect((await browser.post(`/officer/watchlist/${entry.id}/lift`, { reason: 'Sekali lagi' })).statusCode).toBe(409);
    expect((await historyOf(entry.id)).map((a) => [a.type, a.actorId])).toEqual([
      ['add', head.id],
      ['extend', head.id],
      ['lift', head.id],
    ]);
    expect((await browser.get('/officer/watchlist')).body).not.toContain(name);
    expect((await browser.get('/officer/watchlist?lifted=1')).body).toContain(name);
  });

  it('refuses a name without NIK or birth date, a period past the law, and every role but its keepers', async () => {
    const verifier = await as(await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-KUPANG' }));
    const name = unique();
    const bare = await verifier.post(
      '/officer/watchlist',
      { fullName: name, nik: '', birthDate: '', reason: 'Alasan', reference: 'X-1', validUntil: '' },
      '/officer/watchlist',
    );
    expect(bare.statusCode).toBe(422);
    expect(bare.body).toContain(tId('watchlist.v.identity'));
    const latest = lastDayOfPeriod(today, 6);
    const long = await verifier.post('/officer/watchlist', {
      fullName: name,
      birthDate: randomBirthDate(),
      reason: 'Alasan',
      reference: 'X-1',
      validUntil: addDays(latest, 1),
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain(
      tId('watchlist.v.tooLongMonths', { months: 6, basis: 'UU 6/2011 Pasal 97(1) jo. UU 63/2024', latest }),
    );
    expect(await entryNamed(name)).toBeUndefined();
    for (const role of ['counter_officer', 'adjudicator', 'admin', 'auditor', 'oversight_officer'] as const) {
      const officer = await as(await makeOfficer(ctx.db, { role, unitCode: 'KANIM-KUPANG' }));
      expect((await officer.get('/officer/watchlist')).statusCode, role).toBe(403);
      const post = await officer.post(
        '/officer/watchlist',
        { fullName: name, nik: '5371010101900001', reason: 'Alasan', reference: 'X-1' },
        '/',
      );
      expect(post.statusCode, role).toBe(403);
    }
    expect(await entryNamed(name)).toBeUndefined();
  });

  it('serves the list over the API to its keepers', async () => {
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-MAUMERE' });
    const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), verifier.id, 'test'));
    const auth = { authorization: `Bearer ${token}` };
    const name = unique();
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/watchlist',
      headers: auth,
      payload: {
        fullName: name,
        nik: '5371010101900002',
        reason: 'Alasan',
        reference: 'X-2',
        validUntil: addDays(today, 30),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    const listed = await ctx.app.inject({ url: '/api/v1/watchlist', headers: auth });
    expect(listed.json<{ id: string }[]>().some((e) => e.id === id)).toBe(true);
    const extended = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/watchlist/${id}/extend`,
      headers: auth,
      payload: { validUntil: addDays(today, 60), reference: 'X-3' },
    });
    expect(extended.json()).toMatchObject({ id, validUntil: addDays(today, 60), extensions: 1 });
    const lifted = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/watchlist/${id}/lift`,
      headers: auth,
      payload: { reason: 'Selesai' },
    });
    expect(lifted.json()).toMatchObject({ id, liftReason: 'Selesai' });
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-MAUMERE' });
    const other = (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), counter.id, 'test')))
      .token;
    expect(
      (await ctx.app.inject({ url: '/api/v1/watchlist', headers: { authorization: `Bearer ${other}` } })).statusCode,
    ).toBe(403);
  });

  it('finds entries by part of a name, NIK or document number, a page at a time, on the API and the page', async () => {
    const word = `CARI${crypto.randomUUID().replace(/[-\d]/g, '').slice(0, 8).toUpperCase()}`;
    const document = `B${crypto.randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const made = [];
    for (let i = 0; i < 5; i++)
      made.push(
        await makeBanEntry(ctx.db, {
          fullName: `Yohanes ${word} ${'ABCDE'[i]}`,
          nik: makeNik(randomBirthDate()),
          ...(i === 1 ? { nationality: 'IDN', documentNumber: document } : {}),
        }),
      );
    const newestFirst = made.map((e) => e.id).reverse();
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-MAUMERE' });
    const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), verifier.id, 'test'));
    const headers = { authorization: `Bearer ${token}` };

    const seen: string[] = [];
    let url: string | undefined = `/api/v1/watchlist?q=${word.toLowerCase()}&limit=2`;
    const pages: number[] = [];
    while (url) {
      const res: { statusCode: number; body: string; headers: { link?: string | string[] }; json: <T>() => T } =
        await ctx.app.inject({ url, headers });
      expect(res.statusCode, res.body).toBe(200);
      const ids = res.json<{ id: string }[]>().map((e) => e.id);
      pages.push(ids.length);
      seen.push(...ids);
      url = /<([^>]+)>; rel="next"/.exec([res.headers.link ?? ''].flat().join())?.[1];
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(newestFirst);
    const found = async (q: string) =>
      (await ctx.app.inject({ url: `/api/v1/watchlist?q=${encodeURIComponent(q)}`, headers }))
        .json<{ id: string }[]>()
        .map((e) => e.id);
    expect(await found(made[3]!.nik!)).toEqual([made[3]!.id]);
    expect(await found(document.toLowerCase())).toEqual([made[1]!.id]);
    expect(await found(`${word} e`)).toEqual([made[4]!.id]);
    expect(await found('-%')).toEqual([]);
    expect((await ctx.app.inject({ url: '/api/v1/watchlist?before=x', headers })).statusCode).toBe(422);

    const browser = await as(verifier);
    const first = await browser.get(`/officer/watchlist?q=${word}`);
    expect(first.statusCode).toBe(200);
    for (const e of made) expect(first.body).toContain(e.fullName);
    expect(first.body).not.toContain('Entri yang lebih lama');
    const later = await browser.get(`/officer/watchlist?q=${word}&before=${made[2]!.id}`);
    expect(later.body).toContain(made[1]!.fullName);
    expect(later.body).toContain(made[0]!.fullName);
    expect(later.body).not.toContain(made[2]!.fullName);
    expect(later.body).toContain(`href="/officer/watchlist?q=${word}"`);
    expect((await browser.get('/officer/watchlist?q=TIDAKADAYANGBERNAMAINI')).body).toContain(
      'Tidak ada entri yang ditemukan.',
    );
    // A page id that is no id and an over-long search are refused before the database sees them.
    expect((await browser.get('/officer/watchlist?before=x')).statusCode).toBe(422);
    expect((await browser.get(`/officer/watchlist?q=${'A'.repeat(201)}`)).statusCode).toBe(422);
    expect((await ctx.app.inject({ url: `/api/v1/watchlist?q=${'A'.repeat(201)}`, headers })).statusCode).toBe(422);
  });
});
