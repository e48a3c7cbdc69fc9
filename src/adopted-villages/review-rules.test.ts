import { and, eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { apiTokenOf } from '../lodgings/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import { findOfficerDuty } from '../roster/find-officer-duty.ts';
import { officeOverview } from './office-overview.ts';
import { villageActivities, villageOfficers } from './schema.ts';
import { makeAdoptedVillage, makeVillageOfficer } from './test-support.ts';
import { emptySignals } from './village-signals.ts';

describeApp('Desa Binaan: who reads the signals, who goes on the roster, resends and the end of an adoption', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const api = (token: string, url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  const activitiesOf = (code: string) =>
    ctx.db.select().from(villageActivities).where(eq(villageActivities.villageCode, code));
  const today = witaDate();
  const later = addDays(today, 12);
  const signalLabels = ['Informasi warga', 'Peringatan terbuka', 'Penundaan (alasan)', 'Tanda peringatan dini'];

  it('shows tips, warnings and deferrals to the head and oversight officers only, and computes none for others', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const pimpasa = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    const admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-KUPANG' });
    await makeVillageOfficer(ctx.db, village.villageCode, pimpasa);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    for (const reader of [pimpasa, admin]) {
      const browser = await as(reader);
      for (const url of ['/officer/desa-binaan', `/officer/desa-binaan/${village.villageCode}`]) {
        const page = await browser.get(url);
        expect(page.statusCode, url).toBe(200);
        for (const label of signalLabels) expect(page.body, `${reader.role} ${url}`).not.toContain(label);
      }
    }
    const headPage = await (await as(head)).get(`/officer/desa-binaan/${village.villageCode}`);
    for (const label of signalLabels) expect(headPage.body).toContain(label);
    expect((await (await as(head)).get('/officer/desa-binaan')).body).toContain('Informasi warga');

    const period = { from: today, to: today };
    const signalsOf = vi.fn(async (_db: unknown, codes: string[]) => new Map(codes.map((c) => [c, emptySignals])));
    for (const reader of [pimpasa, admin]) {
      const overview = await officeOverview(ctx.db, { ...reader, kind: 'officer' } as never, period, today, signalsOf);
      expect(overview.summaries.get(village.villageCode)?.signals ?? null).toBeNull();
    }
    expect(signalsOf).not.toHaveBeenCalled();
  });

  it('lets those who do not keep the roster put only themselves and the village’s PIMPASA on an activity', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const oversight = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const pimpasa = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-KUPANG', name: 'Pim Pasa' });
    const colleague = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG', name: 'Kol Ega' });
    const auditor = await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANIM-KUPANG', name: 'Audi Tor' });
    const headAccount = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    await makeVillageOfficer(ctx.db, village.villageCode, pimpasa);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const plan = (account: Account, officerIds: string[], heldOn: string) =>
      apiTokenOf(ctx.db, account).then((token) => api(token, url, { kind: 'outreach', heldOn, officerIds }));
    for (const officerIds of [[colleague.id], [headAccount.id], [auditor.id]]) {
      expect((await plan(oversight, officerIds, later)).statusCode).toBe(422);
      expect((await plan(pimpasa, officerIds, later)).statusCode).toBe(422);
    }
    expect((await plan(oversight, [oversight.id, pimpasa.id], later)).statusCode).toBe(201);
    expect((await plan(pimpasa, [pimpasa.id], addDays(later, 1))).statusCode).toBe(201);
    expect((await plan(headAccount, [colleague.id], later)).statusCode).toBe(201);
    expect((await plan(headAccount, [auditor.id], addDays(later, 1))).statusCode).toBe(422);
    const form = await (await as(oversight)).get(`/officer/desa-binaan/${village.villageCode}`);
    expect(form.body).toContain(`value="${pimpasa.id}"`);
    expect(form.body).toContain(`value="${oversight.id}"`);
    expect(form.body).not.toContain(`value="${colleague.id}"`);
    expect(form.body).not.toContain(`value="${auditor.id}"`);
    const headForm = await (await as(headAccount)).get(`/officer/desa-binaan/${village.villageCode}`);
    expect(headForm.body).toContain(`value="${colleague.id}"`);
    expect(headForm.body).not.toContain(`value="${auditor.id}"`);
  });

  it('answers a resent request id with its activity, and refuses it with another body or village', async () => {
    const [one, two] = [await makeAdoptedVillage(ctx.db), await makeAdoptedVillage(ctx.db)];
    const token = await apiTokenOf(
      ctx.db,
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }),
    );
    const body = { kind: 'outreach', heldOn: later, topics: ['TPPO'], requestId: 'req-resend-0001' };
    const first = await api(token, `/api/v1/adopted-villages/${one.villageCode}/activities`, body);
    expect(first.statusCode).toBe(201);
    const again = await api(token, `/api/v1/adopted-villages/${one.villageCode}/activities`, body);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    const otherVillage = await api(token, `/api/v1/adopted-villages/${two.villageCode}/activities`, body);
    expect(otherVillage.statusCode).toBe(409);
    expect(otherVillage.json<{ error: { code: string } }>().error.code).toBe('conflict');
    const otherBody = await api(token, `/api/v1/adopted-villages/${one.villageCode}/activities`, {
      ...body,
      kind: 'service_visit',
    });
    expect(otherBody.statusCode).toBe(409);
    expect(await activitiesOf(two.villageCode)).toEqual([]);
  });

  it('cancels the planned activities from the end of an adoption and frees their officers; keeps later terms', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const ana = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG' });
    const late = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG' });
    await makeVillageOfficer(ctx.db, village.villageCode, late, { since: addDays(today, 20) });
    const token = await apiTokenOf(ctx.db, head);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const planned = await api(token, url, { kind: 'outreach', heldOn: later, officerIds: [ana.id] });
    expect(planned.statusCode).toBe(201);
    const browser = await as(head);
    const page = `/officer/desa-binaan/${village.villageCode}`;
    const ended = await browser.post(`${page}/end`, { endedOn: addDays(today, 5) }, page);
    expect(ended.statusCode, ended.body.slice(0, 300)).toBe(303);
    expect((await activitiesOf(village.villageCode))[0]?.status).toBe('cancelled');
    expect(await findOfficerDuty(ctx.db, ana.id, later)).toBeNull();
    const terms = await ctx.db
      .select()
      .from(villageOfficers)
      .where(and(eq(villageOfficers.villageCode, village.villageCode), eq(villageOfficers.officerId, late.id)));
    expect(terms).toEqual([expect.objectContaining({ since: addDays(today, 20), until: addDays(today, 20) })]);
  });

  it('records who took part in a past activity without the roster, and takes peopleReached as an integer only', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const ana = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG', name: 'Ana Masa Lalu' });
    const past = addDays(today, -4);
    await ctx.db.transaction((tx) =>
      assignDuties(tx, systemCaller('test'), {
        date: past,
        unitCode: 'KANIM-KUPANG',
        kind: 'counter',
        officerIds: [ana.id],
      }),
    );
    const token = await apiTokenOf(ctx.db, head);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const held = await api(token, url, { kind: 'outreach', heldOn: past, peopleReached: 20, officerIds: [ana.id] });
    expect(held.statusCode, held.body).toBe(201);
    expect(await findOfficerDuty(ctx.db, ana.id, past)).toMatchObject({ kind: 'counter' });
    const shown = await (await as(head)).get(`/officer/desa-binaan/${village.villageCode}?from=${past}&to=${today}`);
    expect(shown.body).toContain('Ana Masa Lalu');

    for (const peopleReached of [null, true, '', 'x', 1.5]) {
      const res = await api(token, url, { kind: 'outreach', heldOn: past, peopleReached });
      expect(res.statusCode, String(peopleReached)).toBe(422);
    }
    const page = `/officer/desa-binaan/${village.villageCode}`;
    const form = await (
      await as(head)
    ).post(
      `${page}/activities`,
      { kind: 'service_visit', heldOn: past, peopleReached: '7', requestId: crypto.randomUUID() },
      page,
    );
    expect(form.statusCode, form.body.slice(0, 300)).toBe(303);
    expect((await activitiesOf(village.villageCode)).map((a) => a.peopleReached).sort()).toEqual([20, 7].sort());
  });

  it('answers a refused form with the default period when its page was opened with a query that is no period', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    for (const query of ['?from=x&to=y', '?from=2000-01-01', '?from=2026-05-01&to=2026-01-01']) {
      const refused = await head.post(`/officer/desa-binaan/${village.villageCode}/activities${query}`, {
        kind: 'outreach',
        heldOn: 'not a day',
        requestId: crypto.randomUUID(),
      });
      expect(refused.statusCode, query).toBe(422);
    }
  });
});
