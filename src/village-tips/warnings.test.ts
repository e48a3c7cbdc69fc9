import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeNik, makeOfficer, makeUnit } from '../../test/factories.ts';
import { countTips, countTipsByVillage } from './count-tips.ts';
import { findOpenWarningsFor } from './find-open-warnings.ts';
import { listWarnings } from './list-warnings.ts';
import { villageTipActions, villageWarnings } from './schema.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { actOnTip, adoptVillage, makeTip, raise, refused, tipHelpers } from './test-support.ts';

describeApp('village tips: early warnings and the figures', (ctx) => {
  const { api, as } = tipHelpers(ctx);
  const birthDate = birthDatesFrom(1961);

  it('raises warnings on a person, a village and a recruiter, which the interview finds until closed or expired', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const born = birthDate();
    const nik = makeNik(born, 'F');
    const byNik = await raise(ctx.db, officer, { kind: 'person', nik, summary: 'Calon PMI non-prosedural.' });
    const byName = await raise(ctx.db, officer, {
      kind: 'person',
      personName: 'Yuliana Ndolu-Sabu',
      birthDate: born,
      summary: 'Direkrut sponsor tanpa izin.',
      expiresOn: '2030-06-30',
    });
    const onVillage = await raise(ctx.db, officer, {
      kind: 'village',
      areaCode: village,
      summary: 'Perekrutan marak.',
    });
    const recruiter = await raise(ctx.db, officer, {
      kind: 'recruiter',
      recruiterName: 'Bapak Sponsor Kupang',
      summary: 'Perekrut tanpa izin P3MI.',
    });
    expect(byNik).toMatchObject({ unitCode: unit.code, status: 'open', areaCode: null });

    const ids = async (who: Parameters<typeof findOpenWarningsFor>[1], today = '2030-01-02') =>
      // Other tests' recruiter warnings may cover the village's regency: only this unit's count here.
      (await findOpenWarningsFor(ctx.db, who, today))
        .filter((w) => w.unitCode === unit.code)
        .map((w) => w.id)
        .sort();
    expect(await ids({ nik })).toEqual([byNik.id]);
    expect(await ids({ fullName: 'YULIANA NDOLU SABU', birthDate: born })).toEqual([byName.id]);
    expect(await ids({ fullName: 'Yuliana Ndolu Sabu', birthDate: born }, '2030-07-01')).toEqual([]);
    expect(await ids({ villageCode: village })).toEqual([onVillage.id]);
    expect(await ids({ recruiterNames: ['bapak sponsor  kupang'] })).toEqual([recruiter.id]);

    // Closing stops it at once; a note leaves it open; the history keeps both.
    const browser = await as(officer);
    const page = `/officer/desa-binaan/warnings/${onVillage.id}`;
    expect((await browser.get(page)).body).toContain('Perekrutan marak.');
    const noted = await browser.post(`${page}/actions`, {
      step: 'note',
      text: 'Dipantau.',
      requestId: 'warn-note-0001',
    });
    expect(noted.statusCode).toBe(303);
    const closed = await api(officer, 'POST', `/api/v1/village-warnings/${onVillage.id}/actions`, { step: 'close' });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(await ids({ villageCode: village })).toEqual([]);
    const again = await api(officer, 'POST', `/api/v1/village-warnings/${onVillage.id}/actions`, { step: 'close' });
    expect(again.statusCode).toBe(409);
  });

  it('checks what each kind needs, answers a resent request with the same warning, and refuses readers and outsiders', async () => {
    const unit = await makeUnit(ctx.db);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const bad = await api(officer, 'POST', '/api/v1/village-warnings', {
      kind: 'person',
      personName: 'Tanpa Tanggal Lahir',
      summary: 'x',
      expiresOn: '2000-01-01',
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['expiresOn', 'nik']);
    const badVillage = await api(officer, 'POST', '/api/v1/village-warnings', {
      kind: 'village',
      areaCode: '53.04',
      summary: 'x',
    });
    expect(badVillage.json().error.fields).toHaveProperty('areaCode');

    const body = {
      kind: 'recruiter',
      recruiterName: 'Calo Berulang',
      areaCode: '53.04',
      summary: 'Calo.',
      requestId: 'warn-raise-0001',
    };
    const first = await api(officer, 'POST', '/api/v1/village-warnings', body);
    expect(first.statusCode).toBe(201);
    expect((await api(officer, 'POST', '/api/v1/village-warnings', body)).json().id).toBe(first.json().id);
    expect(await ctx.db.$count(villageWarnings, eq(villageWarnings.recruiterName, 'Calo Berulang'))).toBe(1);

    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    expect(
      (await api(head, 'GET', '/api/v1/village-warnings')).json().warnings.map((w: { id: string }) => w.id),
    ).toContain(first.json().id);
    expect(
      (await api(head, 'POST', '/api/v1/village-warnings', { ...body, requestId: 'warn-raise-0002' })).statusCode,
    ).toBe(403);
    const outsider = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: (await makeUnit(ctx.db)).code });
    const closeByOutsider = await api(outsider, 'POST', `/api/v1/village-warnings/${first.json().id}/actions`, {
      step: 'close',
    });
    expect(closeByOutsider.statusCode).toBe(404);
    const listed = await api(outsider, 'GET', '/api/v1/village-warnings');
    expect(listed.json().warnings.map((w: { id: string }) => w.id)).not.toContain(first.json().id);
  });

  it('raises a warning from a tip of the scope (recorded on the tip), not from a closed one nor another office', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const { tip } = await makeTip(ctx.db, { villageCode: village });
    const browser = await as(officer);
    await browser.get(`/officer/desa-binaan/tips/${tip.id}`);
    const raised = await browser.post('/officer/desa-binaan/warnings', {
      kind: 'recruiter',
      tipId: tip.id,
      recruiterName: 'Om Calo',
      areaCode: village,
      summary: 'Perekrut aktif di desa ini.',
      requestId: 'warn-from-tip-01',
    });
    expect(raised.statusCode).toBe(303);
    const [warning] = await ctx.db.select().from(villageWarnings).where(eq(villageWarnings.tipId, tip.id));
    expect(warning).toMatchObject({ unitCode: unit.code, areaCode: village });
    const types = (await ctx.db.select().from(villageTipActions).where(eq(villageTipActions.tipId, tip.id))).map(
      (a) => a.type,
    );
    expect(types).toContain('warning_raised');
    const invalid = await browser.post('/officer/desa-binaan/warnings', {
      kind: 'recruiter',
      tipId: tip.id,
      summary: '',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('Wajib diisi');

    const outsider = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: (await makeUnit(ctx.db)).code });
    const input = { kind: 'village' as const, tipId: tip.id, areaCode: village, summary: 'x' };
    expect(await refused(() => raise(ctx.db, outsider, input))).toBe('not_found');
    await actOnTip(ctx.db, officer, { tipId: tip.id, step: 'close', outcome: 'warning_raised' });
    expect(await refused(() => raise(ctx.db, officer, input))).toBe('invalid_transition');
  });

  it('counts tips by office, regency and kind:outcome, and per village with its open warnings', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const at = witaInstant('2031-03-10', '09:00');
    const { tip } = await makeTip(ctx.db, { villageCode: village, kind: 'question' }, undefined, at);
    await makeTip(ctx.db, { villageCode: village, kind: 'question' }, undefined, at);
    await makeTip(ctx.db, { villageCode: village, kind: 'departure' }, undefined, witaInstant('2031-04-01', '09:00'));
    await actOnTip(ctx.db, officer, { tipId: tip.id, step: 'close', outcome: 'answered' });
    await raise(ctx.db, officer, { kind: 'village', areaCode: village, summary: 'Dipantau.' });

    const rows = (await countTips(ctx.db, { from: '2031-03-01', to: '2031-03-31' })).filter(
      (r) => r.unitCode === unit.code,
    );
    expect(rows).toEqual([
      { unitCode: unit.code, regencyCode: village.slice(0, 5), category: 'question:answered', count: 1 },
      { unitCode: unit.code, regencyCode: village.slice(0, 5), category: 'question:open', count: 1 },
    ]);
    const byVillage = await countTipsByVillage(ctx.db, [village, '53.71.01.9999'], {
      from: '2031-03-01',
      to: '2031-04-30',
    });
    expect(byVillage.get(village)).toEqual({ tips: 3, openWarnings: 1 });
    expect(byVillage.get('53.71.01.9999')).toEqual({ tips: 0, openWarnings: 0 });
  });

  it('refuses a request id resent with another body (409), and answers the same body with the same warning', async () => {
    const unit = await makeUnit(ctx.db);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const body = {
      kind: 'person',
      nik: makeNik(),
      areaCode: '53.04',
      summary: 'Akan berangkat tanpa prosedur.',
      requestId: 'warn-reuse-0001',
    };
    const first = await api(officer, 'POST', '/api/v1/village-warnings', body);
    expect(first.statusCode).toBe(201);
    // The area is not a person's: stored as null, and the same body resent still matches.
    expect((await api(officer, 'POST', '/api/v1/village-warnings', body)).json().id).toBe(first.json().id);
    for (const change of [{ summary: 'Lain.' }, { nik: makeNik() }, { kind: 'village', areaCode: '53.04.09.2001' }]) {
      const other = await api(officer, 'POST', '/api/v1/village-warnings', { ...body, ...change });
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe('conflict');
    }
    expect(await ctx.db.$count(villageWarnings, eq(villageWarnings.unitCode, unit.code))).toBe(1);
  });

  it('uses one meaning of "in force on a day" for the interview, the figures and the list (expired shown as such)', async () => {
    const unit = await makeUnit(ctx.db);
    const village = await adoptVillage(ctx.db, unit.code);
    const officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
    const today = witaDate();
    const yesterday = addDays(today, -1);
    const insert = async (values: Partial<typeof villageWarnings.$inferInsert>) =>
      (
        await ctx.db
          .insert(villageWarnings)
          .values({ unitCode: unit.code, kind: 'village', areaCode: village, summary: 'Dipantau.', ...values })
          .returning()
      )[0]!;
    // Expired yesterday though nobody closed it; closed in 2021 after being in force all of 2020; raised today.
    const expired = await insert({ raisedAt: witaInstant('2020-01-01'), expiresOn: yesterday });
    await insert({ raisedAt: witaInstant('2020-01-01'), status: 'closed', closedAt: witaInstant('2021-01-02') });
    const fresh = await insert({});

    const counted = async (to: string) =>
      (await countTipsByVillage(ctx.db, [village], { from: '2020-01-01', to })).get(village)!.openWarnings;
    expect(await counted('2020-12-31')).toBe(2);
    expect(await counted('2021-06-30')).toBe(1);
    expect(await counted(today)).toBe(1);
    // This office's only: another test's recruiter warning may work the same regency, which the interview shows too.
    const inForce = await findOpenWarningsFor(ctx.db, { villageCode: village }, today);
    expect(inForce.filter((w) => w.unitCode === unit.code).map((w) => w.id)).toEqual([fresh.id]);

    const listed = await listWarnings(ctx.db, officerActor(officer), {}, today);
    expect(listed.find((w) => w.id === expired.id)).toMatchObject({ status: 'open', expired: true });
    expect(listed.filter((w) => w.expired)).toHaveLength(1);
    const json = (await api(officer, 'GET', '/api/v1/village-warnings')).json();
    expect(json.warnings.find((w: { id: string }) => w.id === expired.id).expired).toBe(true);
    const page = await (await as(officer)).get(`/officer/desa-binaan/warnings/${expired.id}`);
    expect(page.body).toContain('Kedaluwarsa');
  });
});
