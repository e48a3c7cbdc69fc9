import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { apiTokenOf } from '../lodgings/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import { assignDuties } from '../roster/assign-duties.ts';
import { findOfficerDuty } from '../roster/find-officer-duty.ts';
import { countDesaBinaan } from './count-desa-binaan.ts';
import { villageActivities, villageActivityActions } from './schema.ts';
import { makeAdoptedVillage, makeVillageOfficer } from './test-support.ts';
import { listVillageActivities, summariseVillages } from './village-activities.ts';

describeApp('Desa Binaan: activities on the roster, the office view and the figures', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const api = (token: string, url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  const activitiesOf = (code: string) =>
    ctx.db.select().from(villageActivities).where(eq(villageActivities.villageCode, code));
  const today = witaDate();
  const later = addDays(today, 10);

  it('puts the planned activity’s officers on the roster, refuses an officer busy that day, and frees them on cancel', async () => {
    const [one, two] = [await makeAdoptedVillage(ctx.db), await makeAdoptedVillage(ctx.db)];
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    const ana = await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG', name: 'Ana Lapangan' });
    const page = `/officer/desa-binaan/${one.villageCode}`;
    const plan = (code: string, officerIds: string[], date = later) =>
      head.post(
        `/officer/desa-binaan/${code}/activities`,
        {
          kind: 'outreach',
          heldOn: date,
          topics: 'Bahaya TPPO\nPaspor prosedural',
          officerIds,
          requestId: crypto.randomUUID(),
        },
        `/officer/desa-binaan/${code}`,
      );
    const planned = await plan(one.villageCode, [ana.id]);
    expect(planned.statusCode, planned.body.slice(0, 300)).toBe(303);
    const [activity] = await activitiesOf(one.villageCode);
    expect(activity).toMatchObject({
      status: 'planned',
      topics: ['Bahaya TPPO', 'Paspor prosedural'],
      unitCode: 'KANIM-KUPANG',
    });
    expect(await findOfficerDuty(ctx.db, ana.id, later)).toMatchObject({ kind: 'village', refId: activity!.id });

    const busy = await plan(two.villageCode, [ana.id]);
    expect(busy.statusCode).toBe(409);
    expect(busy.body).toContain('Ana Lapangan: Sudah bertugas di kegiatan desa binaan pada hari itu.');
    expect(await activitiesOf(two.villageCode)).toEqual([]);
    const counterDay = addDays(today, 11);
    await ctx.db.transaction((tx) =>
      assignDuties(tx, systemCaller('test'), {
        date: counterDay,
        unitCode: 'KANIM-KUPANG',
        kind: 'counter',
        officerIds: [ana.id],
      }),
    );
    expect((await plan(two.villageCode, [ana.id], counterDay)).body).toContain('Sudah bertugas di loket');
    expect(await activitiesOf(two.villageCode)).toEqual([]);

    const shown = await head.get(page);
    expect(shown.body).toContain('Ana Lapangan');
    expect(shown.body).toContain('Bahaya TPPO');
    const cancel = await head.post(
      `${page}/activities/${activity!.id}/actions`,
      { step: 'cancel', requestId: crypto.randomUUID() },
      page,
    );
    expect(cancel.statusCode).toBe(303);
    expect(await findOfficerDuty(ctx.db, ana.id, later)).toBeNull();
    expect((await activitiesOf(one.villageCode))[0]?.status).toBe('cancelled');
    expect((await plan(two.villageCode, [ana.id])).statusCode).toBe(303);
    const secondId = (await activitiesOf(two.villageCode))[0]!.id;
    const calendar = await head.get(`/officer/units/KANIM-KUPANG/calendar?month=${later.slice(0, 7)}`);
    expect(calendar.body).toContain(`/officer/desa-binaan/activities/${secondId}`);
    expect(calendar.body).toContain('Kegiatan desa binaan');
    const link = await head.get(`/officer/desa-binaan/activities/${secondId}`);
    expect(link.headers.location).toBe(`/officer/desa-binaan/${two.villageCode}`);
  });

  it('puts the officers of an activity recorded held today on today’s roster, refusing one at the counter', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const token = await apiTokenOf(
      ctx.db,
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }),
    );
    const [atCounter, free] = [
      await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { unitCode: 'KANIM-KUPANG' }),
    ];
    for (const date of [today, addDays(today, -2)])
      await ctx.db.transaction((tx) =>
        assignDuties(tx, systemCaller('test'), {
          date,
          unitCode: 'KANIM-KUPANG',
          kind: 'counter',
          officerIds: [atCounter.id],
        }),
      );
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const held = (heldOn: IsoDate, officerIds: string[]) =>
      api(token, url, { kind: 'outreach', heldOn, peopleReached: 20, officerIds });
    const busy = await held(today, [atCounter.id]);
    expect(busy.statusCode, busy.body).toBe(409);
    expect(await activitiesOf(village.villageCode)).toEqual([]);
    const recorded = await held(today, [free.id]);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ status: 'held', peopleReached: 20 });
    expect(await findOfficerDuty(ctx.db, free.id, today)).toMatchObject({
      kind: 'village',
      refId: recorded.json<{ id: string }>().id,
    });
    // A past day is over: recorded without the roster, the counter duty of that day standing.
    expect((await held(addDays(today, -2), [atCounter.id])).statusCode).toBe(201);
    expect(await findOfficerDuty(ctx.db, atCounter.id, addDays(today, -2))).toMatchObject({ kind: 'counter' });
  });

  it('lists a village’s activities of one day and one instant in the same order every time', async () => {
    const at = new Date();
    const low = () => crypto.randomUUID().replace(/^.{8}/, '00000000');
    const high = () => crypto.randomUUID().replace(/^.{8}/, 'ffffffff');
    // Written in either order, they list by id: without the tie-break the database's order shows through.
    for (const ids of [
      [low(), high()],
      [high(), low()],
    ]) {
      const village = await makeAdoptedVillage(ctx.db);
      for (const id of ids)
        await ctx.db.insert(villageActivities).values({
          id,
          villageCode: village.villageCode,
          unitCode: 'KANIM-KUPANG',
          kind: 'outreach',
          status: 'planned',
          heldOn: later,
          createdAt: at,
        });
      const listed = await listVillageActivities(ctx.db, village.villageCode, { from: today, to: later });
      expect(listed.map((a) => a.id)).toEqual([...ids].sort());
    }
  });

  it('lets the village’s PIMPASA, whatever their desk, mark an activity held; not before its day; retries change nothing', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const pimpasa = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' });
    await makeVillageOfficer(ctx.db, village.villageCode, pimpasa);
    const token = await apiTokenOf(ctx.db, pimpasa);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const body = { kind: 'timpora_meeting', heldOn: today, topics: ['Rapat Timpora'], requestId: 'req-held-0001' };
    const first = await api(token, url, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await api(token, url, body);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(await activitiesOf(village.villageCode)).toHaveLength(1);
    const id = first.json<{ id: string }>().id;
    const action = { step: 'held', peopleReached: 35, note: 'Kepala desa hadir', requestId: 'req-held-0002' };
    const held = await api(token, `${url}/${id}/actions`, action);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', peopleReached: 35, note: 'Kepala desa hadir' });
    expect((await api(token, `${url}/${id}/actions`, action)).statusCode).toBe(200);
    // The same request id with another count is not a resend.
    expect((await api(token, `${url}/${id}/actions`, { ...action, peopleReached: 36 })).statusCode).toBe(409);
    const history = await ctx.db.select().from(villageActivityActions).where(eq(villageActivityActions.activityId, id));
    expect(history.map((h) => h.type)).toEqual(['planned', 'held']);
    expect((await api(token, `${url}/${id}/actions`, { step: 'cancel' })).statusCode).toBe(409);

    const future = await api(token, url, { kind: 'outreach', heldOn: later, requestId: 'req-held-0003' });
    // The plan's request id sent again with another step (cancel) is refused, and the activity stays planned.
    const reused = await api(token, `${url}/${future.json<{ id: string }>().id}/actions`, {
      step: 'cancel',
      requestId: 'req-held-0003',
    });
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json()).toMatchObject({ error: { code: 'conflict' } });
    expect((await activitiesOf(village.villageCode)).find((a) => a.heldOn === later)?.status).toBe('planned');
    const early = await api(token, `${url}/${future.json<{ id: string }>().id}/actions`, {
      step: 'held',
      peopleReached: 3,
    });
    expect(early.statusCode).toBe(422);
    const direct = await api(token, url, { kind: 'service_visit', heldOn: addDays(today, -3), peopleReached: 12 });
    expect(direct.json()).toMatchObject({ status: 'held', peopleReached: 12 });
    const pastPlan = await api(token, url, { kind: 'service_visit', heldOn: addDays(today, -3) });
    expect(pastPlan.statusCode).toBe(422);
    expect(pastPlan.json<{ error: { fields: Record<string, string> } }>().error.fields.peopleReached).toBeTruthy();
  });

  it('refuses activities to partners, auditors, citizens, staff who are not its PIMPASA and other offices', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    const body = { kind: 'outreach', heldOn: later };
    const refused = [
      await makeOfficer(ctx.db, { role: 'partner', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-KUPANG' }),
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-ATAMBUA' }),
      await makeCitizen(ctx.db),
    ];
    for (const account of refused) {
      const res = await api(await apiTokenOf(ctx.db, account), url, body);
      expect(res.statusCode, account.role ?? 'citizen').toBe(403);
    }
    const partnerPage = await (await as(refused[0]!)).get(`/officer/desa-binaan/${village.villageCode}`);
    expect(partnerPage.statusCode).toBe(403);
    expect(await activitiesOf(village.villageCode)).toEqual([]);
    const oversight = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    expect((await api(await apiTokenOf(ctx.db, oversight), url, body)).statusCode).toBe(201);
    const kanwilHead = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' });
    expect((await api(await apiTokenOf(ctx.db, kanwilHead), url, body)).statusCode).toBe(201);
  });

  it('shows the office its villages with people reached and signals, and a PIMPASA only their own', async () => {
    const village = await makeAdoptedVillage(ctx.db);
    const other = await makeAdoptedVillage(ctx.db);
    const pimpasa = await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANIM-KUPANG' });
    await makeVillageOfficer(ctx.db, village.villageCode, pimpasa);
    const token = await apiTokenOf(ctx.db, pimpasa);
    await api(token, `/api/v1/adopted-villages/${village.villageCode}/activities`, {
      kind: 'outreach',
      heldOn: today,
      peopleReached: 4321,
    });
    const head = await as(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' }));
    const office = await head.get('/officer/desa-binaan');
    expect(office.statusCode).toBe(200);
    expect(office.body).toContain(`/officer/desa-binaan/${other.villageCode}`);
    expect(office.body).toContain('4.321');
    const own = await (await as(pimpasa)).get('/officer/desa-binaan');
    expect(own.body).toContain(`/officer/desa-binaan/${village.villageCode}`);
    expect(own.body).not.toContain(`/officer/desa-binaan/${other.villageCode}`);
    const period = { from: addDays(today, -1), to: today };
    const signals = {
      applications: 7,
      deferrals: [{ reasonCode: 'pmi_np', name: { id: 'Diduga PMI nonprosedural', en: 'Suspected PMI' }, count: 2 }],
      tips: 1,
      openWarnings: 1,
    };
    const codes = [village.villageCode, other.villageCode];
    const summary = await summariseVillages(
      ctx.db,
      codes,
      period,
      () => Promise.resolve(new Map([[village.villageCode, signals]])),
      codes,
    );
    expect(summary.get(village.villageCode)).toMatchObject({ peopleReached: 4321, held: { outreach: 1 }, signals });
    expect(summary.get(other.villageCode)?.signals?.applications).toBe(0);
  });

  it('counts villages in force, activities held by kind and people reached per office and regency', async () => {
    const village = await makeAdoptedVillage(ctx.db, { districtCode: '53.10.01', unitCode: 'KANIM-MAUMERE' });
    await makeAdoptedVillage(ctx.db, {
      districtCode: '53.10.01',
      unitCode: 'KANIM-MAUMERE',
      endedOn: addDays(today, -1),
    });
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' });
    const token = await apiTokenOf(ctx.db, head);
    const url = `/api/v1/adopted-villages/${village.villageCode}/activities`;
    await api(token, url, { kind: 'outreach', heldOn: today, peopleReached: 40 });
    await api(token, url, { kind: 'outreach', heldOn: addDays(today, -1), peopleReached: 10 });
    await api(token, url, { kind: 'service_visit', heldOn: today, peopleReached: 5 });
    await api(token, url, { kind: 'timpora_meeting', heldOn: later });
    const figures = (await countDesaBinaan(ctx.db, { from: addDays(today, -1), to: today })).filter(
      (f) => f.unitCode === 'KANIM-MAUMERE',
    );
    expect(figures).toEqual([
      { unitCode: 'KANIM-MAUMERE', regencyCode: '53.10', category: 'activities:outreach', count: 2 },
      { unitCode: 'KANIM-MAUMERE', regencyCode: '53.10', category: 'activities:service_visit', count: 1 },
      { unitCode: 'KANIM-MAUMERE', regencyCode: '53.10', category: 'people_reached', count: 55 },
      { unitCode: 'KANIM-MAUMERE', regencyCode: '53.10', category: 'villages', count: 1 },
    ]);
    // Rote Ndao's five seeded villages (other tests may adopt more there for Kupang on the run's shared database).
    const rote = (await countDesaBinaan(ctx.db, { from: today, to: today })).find(
      (f) => f.unitCode === 'KANIM-KUPANG' && f.regencyCode === '53.14' && f.category === 'villages',
    );
    expect(rote?.count).toBeGreaterThanOrEqual(5);
  });
});
