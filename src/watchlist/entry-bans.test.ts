import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { auditFor } from '../accounts/test-support.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { addWatchlistEntry } from './add-watchlist-entry.ts';
import { lastDayOfPeriod } from './ban-period.ts';
import { matchTraveller } from './match-traveller.ts';
import { watchlistActions, watchlistEntries } from './schema.ts';
import { keeperCaller } from './test-support.ts';

const tId = translator('id');
const basis = 'UU 6/2011 Pasal 102(1) jo. UU 63/2024';

describeApp('entry-ban list (penangkalan)', (ctx) => {
  const today = witaDate();
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const bearer = async (role: OfficerRole) => {
    const officer = await makeOfficer(ctx.db, { role, unitCode: 'KANIM-ATAMBUA' });
    const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), officer.id, 'test'));
    return { officer, headers: { authorization: `Bearer ${token}` } };
  };
  const number = () => `TL${crypto.randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`;
  const entriesWith = (documentNumber: string) =>
    ctx.db.select().from(watchlistEntries).where(eq(watchlistEntries.documentNumber, documentNumber));
  const ban = (documentNumber: string) => ({
    fullName: 'Joao da Costa',
    nationality: 'tls',
    documentNumber,
    birthDate: '1985-03-04',
    reason: 'Deportasi, masuk tanpa melalui TPI (UU 6/2011 Pasal 75 ayat (2) huruf a dan f)',
    reference: 'W21.IMI.IMI.3-GR.02.01-0123',
  });

  it('lists a foreigner over the API for ten years at most, once extendable, and refuses what the law does not allow', async () => {
    const { officer, headers } = await bearer('oversight_officer');
    const post = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/entry-bans', headers, payload });
    const doc = number();
    const requestId = crypto.randomUUID();
    const created = await post({ ...ban(doc), requestId });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json<{ id: string; validUntil: string }>();
    expect(entry).toMatchObject({
      list: 'entry',
      nationality: 'TLS',
      documentNumber: doc,
      validFrom: today,
      validUntil: lastDayOfPeriod(today, 120),
      extensions: 0,
      source: 'officer',
    });
    expect((await post({ ...ban(doc), requestId })).json()).toMatchObject({ id: entry.id });
    expect(await entriesWith(doc)).toHaveLength(1);
    expect(await auditFor(ctx.db, entry.id, 'watchlist.add')).toHaveLength(1);

    const refusals: [Record<string, unknown>, string, string][] = [
      [{ nationality: 'IDN' }, 'nationality', 'watchlist.v.entryNoCitizen'],
      [{ nationality: 'T1' }, 'nationality', 'watchlist.v.countryCode'],
      [{ validUntil: addDays(lastDayOfPeriod(today, 120), 1) }, 'validUntil', 'watchlist.v.tooLongYears'],
      [{ validFrom: addDays(today, -30), validUntil: addDays(today, -1) }, 'validUntil', 'watchlist.v.endPassed'],
      [{ validUntil: addDays(today, -1) }, 'validUntil', 'watchlist.v.endBeforeStart'],
      [{ foreignerId: crypto.randomUUID() }, 'foreignerId', 'watchlist.v.foreignerDocument'],
      [{ birthDate: addDays(today, 1) }, 'birthDate', 'v.birthDateFuture'],
    ];
    for (const [change, field, key] of refusals) {
      const doc2 = number();
      const res = await post({ ...ban(doc2), ...change });
      expect(res.statusCode, `${field} ${res.body}`).toBe(422);
      const message = tId(key, { years: 10, basis, latest: lastDayOfPeriod(today, 120) });
      expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields[field], key).toBe(message);
      expect(await entriesWith(doc2), key).toHaveLength(0);
    }
    const { documentNumber: _, ...withoutDocument } = ban(number());
    expect((await post(withoutDocument)).statusCode).toBe(422);

    const extend = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/entry-bans/${entry.id}/extend`, headers, payload });
    const beyond = await extend({
      validUntil: addDays(lastDayOfPeriod(addDays(entry.validUntil, 1), 120), 1),
      reference: 'E-1',
    });
    expect(beyond.statusCode).toBe(422);
    const extended = await extend({ validUntil: lastDayOfPeriod(addDays(entry.validUntil, 1), 120), reference: 'E-1' });
    expect(extended.json()).toMatchObject({
      extensions: 1,
      validUntil: lastDayOfPeriod(addDays(entry.validUntil, 1), 120),
    });
    expect((await extend({ validUntil: '2060-01-01', reference: 'E-2' })).statusCode).toBe(422);

    const lift = (payload: Record<string, unknown>) =>
      ctx.app.inject({ method: 'POST', url: `/api/v1/entry-bans/${entry.id}/lift`, headers, payload });
    expect((await lift({ reason: '' })).statusCode).toBe(422);
    expect((await lift({ reason: 'Keputusan dicabut', requestId: 'lift-entry-ban' })).statusCode).toBe(200);
    expect((await lift({ reason: 'Keputusan dicabut', requestId: 'lift-entry-ban' })).statusCode).toBe(200);
    expect((await lift({ reason: 'Lagi' })).statusCode).toBe(409);
    const history = await ctx.db
      .select()
      .from(watchlistActions)
      .where(eq(watchlistActions.entryId, entry.id))
      .orderBy(asc(watchlistActions.id));
    expect(history.map((a) => [a.type, a.actorId])).toEqual([
      ['add', officer.id],
      ['extend', officer.id],
      ['lift', officer.id],
    ]);
    // The prevention list's API does not reach an entry ban, and its keepers (verifiers) cannot open this list.
    const verifier = await bearer('verifier');
    const other = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/watchlist/${entry.id}/lift`,
      headers: (await bearer('head_of_office')).headers,
      payload: { reason: 'Salah daftar' },
    });
    expect(other.statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/v1/entry-bans', headers: verifier.headers })).statusCode).toBe(403);
  });

  it('answers a request id resent on its own list only: reused on the other list it is a conflict', async () => {
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
    const requestId = crypto.randomUUID();
    const add = (input: Parameters<typeof addWatchlistEntry>[2]) =>
      ctx.db.transaction((tx) => addWatchlistEntry(tx, keeperCaller(head), { ...input, requestId }));
    const doc = number();
    const exit = await add({ ...ban(doc), list: 'exit', nationality: 'TLS' });
    expect(exit.list).toBe('exit');
    await expect(add({ ...ban(doc), list: 'entry' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await entriesWith(doc)).map((e) => e.list)).toEqual(['exit']);
    expect(await add({ ...ban(doc), list: 'exit', nationality: 'TLS' })).toMatchObject({ id: exit.id });
  });

  it('takes a listing from another feature’s decision, linked to the registered foreigner', async () => {
    const person = await makeForeigner(ctx.db, { nationality: 'TLS', issuingState: 'TLS', birthDate: '1979-05-06' });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' });
    const decision = crypto.randomUUID();
    const entry = await ctx.db.transaction((tx) =>
      addWatchlistEntry(tx, keeperCaller(head), {
        list: 'entry',
        fullName: `${person.doc.givenNames} ${person.doc.surname}`,
        nationality: 'TLS',
        documentNumber: person.doc.documentNumber,
        foreignerId: person.id,
        birthDate: person.doc.birthDate,
        reason: 'Deportasi (TAK)',
        reference: 'TAK-7/2025',
        sourceRef: decision,
        requestId: `tak-${decision}`,
      }),
    );
    expect(entry).toMatchObject({ source: 'administrative_action', sourceRef: decision, foreignerId: person.id });
    const hits = await matchTraveller(
      ctx.db,
      {
        direction: 'entry',
        nationality: 'TLS',
        documentNumber: person.doc.documentNumber,
        fullName: 'x',
        birthDate: null,
      },
      today,
    );
    expect(hits).toEqual([{ entryId: entry.id, list: 'entry', match: 'document', instruction: 'refer_to_supervisor' }]);
  });

  it('lets an oversight officer keep the list on its page, in Indonesian, without JavaScript', async () => {
    const officer = await as(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-ATAMBUA' }));
    const page = await officer.get('/officer/entry-bans');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(tId('watchlist.lists.entry.title'));
    expect(page.body).toContain(basis);
    const doc = number();
    const form = { ...ban(doc), validFrom: '', validUntil: '', requestId: crypto.randomUUID() };
    const citizen = await officer.post('/officer/entry-bans', { ...form, nationality: 'IDN' });
    expect(citizen.statusCode).toBe(422);
    expect(citizen.body).toContain(tId('watchlist.v.entryNoCitizen'));
    const byNik = await officer.post('/officer/entry-bans', { ...form, nik: '5371010101900001' });
    expect(byNik.statusCode).toBe(422);
    expect(byNik.body).toContain(tId('watchlist.v.entryNoNik'));
    expect((await officer.post('/officer/entry-bans', form, '/officer/entry-bans')).statusCode).toBe(303);
    const [entry] = await entriesWith(doc);
    expect(entry).toMatchObject({ list: 'entry', validUntil: lastDayOfPeriod(today, 120) });
    const listed = await officer.get('/officer/entry-bans');
    expect(listed.body).toContain(`TLS ${doc}`);
    expect(listed.body).toContain(`/officer/entry-bans/${entry!.id}/extend`);
    const lifted = await officer.post(`/officer/entry-bans/${entry!.id}/lift`, {
      reason: 'Dicabut atas permintaan',
      requestId: 'lift-on-page',
    });
    expect(lifted.statusCode).toBe(303);
    expect((await officer.get('/officer/entry-bans')).body).not.toContain(doc);
    expect((await officer.get('/officer/watchlist')).statusCode).toBe(403);
  });
});
