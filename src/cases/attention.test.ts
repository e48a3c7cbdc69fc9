import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { adoptVillage, freeVillage, nikIn, raiseWarning } from '../../test/desa-binaan-factories.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { translator } from '../platform/i18n/index.ts';
import { tipReporters, villageTips } from '../village-tips/schema.ts';
import { caseApi, makeCase } from './test-support.ts';

const tId = translator('id');
const today = witaDate();
const checklist = { purpose: 'Wisata', destination: 'Malaysia', answersConsistent: true };
type Attention = {
  villages: { villageCode: string; via: string; officers: { name: string; phone: string }[] }[];
  warnings: { id: string; kind: string; summary: string; unitCode: string }[];
};

/** Desa Binaan's early warning as the interviewing officer reads it, on the case page and in the case's JSON. */
describeApp('attention note at the interview', (ctx) => {
  const { act, officer, tokenOf } = caseApi(ctx);
  const setUp = async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await officer('verifier', unit.code);
    const at = (options: Omit<Parameters<typeof makeCase>[1], 'unitCode' | 'status'> = {}) =>
      makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id, ...options });
    const attentionOf = async (id: string, who: Account = verifier) => {
      const res = await ctx.app.inject({
        url: `/api/v1/applications/${id}/case`,
        headers: { authorization: `Bearer ${await tokenOf(who)}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { attention } = res.json<{ attention: Attention }>();
      // Only this test's warnings: others on the run's shared database may warn about a whole regency.
      return { ...attention, warnings: attention.warnings.filter((w) => w.unitCode === unit.code) };
    };
    return { unit, verifier, at, attentionOf };
  };

  it('names the adopted village of the address, with its PIMPASA to call, on the page and in the JSON', async () => {
    const { unit, verifier, at, attentionOf } = await setUp();
    const place = await freeVillage(ctx.db);
    const { officer: pimpasa } = await adoptVillage(ctx.db, {
      villageCode: place.villageCode,
      unitCode: unit.code,
      phone: '0813-3900-1122',
    });
    const c = await at({ villageCode: place.villageCode, fullName: 'Maria Seran' });
    expect(await attentionOf(c.id)).toEqual({
      villages: [
        expect.objectContaining({
          villageCode: place.villageCode,
          via: 'address',
          officers: [{ name: pimpasa.name, phone: '0813-3900-1122' }],
        }),
      ],
      warnings: [],
    });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, verifier));
    const page = (await browser.get(`/officer/cases/${c.id}`)).body;
    expect(page).toContain('id="attention-title"');
    expect(page).toContain(tId('cases.attention.title'));
    expect(page).toContain(pimpasa.name);
    expect(page).toContain('href="tel:081339001122"');

    // An officer who does not run the interview, on a case past it, is not shown the note on the page.
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const approved = await makeCase(ctx.db, {
      unitCode: unit.code,
      status: 'approved',
      villageCode: place.villageCode,
    });
    const later = await new Browser(ctx.app)
      .setCookie(await sessionCookie(ctx.db, counter))
      .get(`/officer/cases/${approved.id}`);
    expect(later.body).not.toContain('id="attention-title"');
  });

  it('finds an adopted village by the kecamatan of the NIK; an ended or future adoption is not shown', async () => {
    const { unit, at, attentionOf } = await setUp();
    const place = await freeVillage(ctx.db);
    await adoptVillage(ctx.db, { villageCode: place.villageCode, unitCode: unit.code });
    const birthDate = '1999-03-14';
    const c = await at({ nik: nikIn(place.districtCode, birthDate), birthDate, villageCode: null });
    const attention = await attentionOf(c.id);
    expect(attention.villages).toMatchObject([{ villageCode: place.villageCode, via: 'nik_district' }]);

    const ended = await freeVillage(ctx.db);
    await adoptVillage(ctx.db, { villageCode: ended.villageCode, unitCode: unit.code, endedOn: addDays(today, -1) });
    const future = await freeVillage(ctx.db);
    await adoptVillage(ctx.db, { villageCode: future.villageCode, unitCode: unit.code, adoptedOn: addDays(today, 1) });
    for (const p of [ended, future]) {
      const other = await at({
        villageCode: p.villageCode,
        nik: nikIn(p.districtCode, '1998-02-02'),
        birthDate: '1998-02-02',
      });
      expect(await attentionOf(other.id)).toEqual({ villages: [], warnings: [] });
    }
  });

  it('shows open warnings on the person by NIK and by name with birth date, never the tip or its sender', async () => {
    const { unit, verifier, at, attentionOf } = await setUp();
    const byNik = await at({ fullName: 'Yosefina Bria', birthDate: '1997-05-21' });
    const [tip] = await ctx.db
      .insert(villageTips)
      .values({
        trackingCode: `T-${byNik.id.slice(0, 8)}`,
        secretHash: 'x',
        unitCode: unit.code,
        kind: 'departure',
        channel: 'village_officer',
        description: 'Tetangga bilang dia mau berangkat lewat calo minggu depan',
        triageDueOn: today,
        closeDueOn: today,
      })
      .returning();
    await ctx.db
      .insert(tipReporters)
      .values({ tipId: tip!.id, anonymous: false, name: 'Pelapor Rahasia', phone: '0812-0000-9999' });
    const nikWarning = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'person',
      summary: 'Diduga akan berangkat sebagai PMI non-prosedural ke Malaysia',
      nik: byNik.nik,
      tipId: tip!.id,
    });
    expect((await attentionOf(byNik.id)).warnings).toMatchObject([{ id: nikWarning.id, kind: 'person' }]);
    const page = (
      await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, verifier)).get(`/officer/cases/${byNik.id}`)
    ).body;
    expect(page).toContain('Diduga akan berangkat sebagai PMI non-prosedural ke Malaysia');
    const json = JSON.stringify(await attentionOf(byNik.id));
    for (const secret of ['Pelapor Rahasia', '0812-0000-9999', 'Tetangga bilang', tip!.id, tip!.trackingCode]) {
      expect(page).not.toContain(secret);
      expect(json).not.toContain(secret);
    }

    const byName = await at({ fullName: 'Kornelis Nahak', birthDate: '1996-11-03' });
    const nameWarning = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'person',
      summary: 'Direkrut sponsor tanpa izin',
      personName: 'KORNELIS  NAHAK',
      birthDate: '1996-11-03',
    });
    expect((await attentionOf(byName.id)).warnings).toMatchObject([{ id: nameWarning.id }]);
    // Same name, another birth date: someone else.
    const namesake = await at({ fullName: 'Kornelis Nahak', birthDate: '1996-11-04' });
    expect((await attentionOf(namesake.id)).warnings).toEqual([]);
  });

  it('shows village and recruiter warnings by area and by the sponsor named at an earlier interview', async () => {
    const { unit, verifier, at, attentionOf } = await setUp();
    const place = await freeVillage(ctx.db);
    const village = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'village',
      summary: 'Banyak warga berangkat lewat jalur tikus bulan ini',
      areaCode: place.villageCode,
    });
    const recruiterHere = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'recruiter',
      summary: 'Calo menawarkan kerja di kebun sawit',
      recruiterName: 'Pak Niko',
      areaCode: place.villageCode.slice(0, 5),
    });
    const c = await at({ villageCode: place.villageCode });
    // Other tests on the run's shared database may warn about the same regency: only this test's warnings count.
    const ours = new Set([village.id, recruiterHere.id]);
    const shown = (await attentionOf(c.id)).warnings.map((w) => w.id).filter((id) => ours.has(id));
    expect(shown.sort()).toEqual([...ours].sort());

    const sponsor = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'recruiter',
      summary: 'Perusahaan tanpa izin P3MI',
      recruiterName: `PT Sinar Jaya ${c.id.slice(0, 6)}`,
      areaCode: '31.71',
    });
    const elsewhere = await at({});
    expect((await attentionOf(elsewhere.id)).warnings).toEqual([]);
    const deferred = await act(verifier, elsewhere.id, {
      type: 'interview',
      checklist: { ...checklist, sponsor: `pt  sinar jaya ${c.id.slice(0, 6)}` },
      outcome: 'defer',
      reasonCode: 'pmi_non_procedural',
      reason: 'Bawa surat dari perusahaan',
    });
    expect(deferred.statusCode, deferred.body).toBe(200);
    expect((await attentionOf(elsewhere.id)).warnings).toMatchObject([{ id: sponsor.id, kind: 'recruiter' }]);
    const page = (
      await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, verifier)).get(`/officer/cases/${elsewhere.id}`)
    ).body;
    expect(page).toContain('Perusahaan tanpa izin P3MI');
  });

  it('shows nothing for an unrelated applicant, nor closed or expired warnings', async () => {
    const { unit, verifier, at, attentionOf } = await setUp();
    const c = await at({ fullName: 'Paulus Klau', birthDate: '1995-01-09' });
    await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'person',
      summary: 'Sudah ditutup',
      nik: c.nik,
      status: 'closed',
    });
    await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'person',
      summary: 'Sudah kedaluwarsa',
      personName: 'Paulus Klau',
      birthDate: '1995-01-09',
      expiresOn: addDays(today, -1),
    });
    expect(await attentionOf(c.id)).toEqual({ villages: [], warnings: [] });
    const page = (
      await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, verifier)).get(`/officer/cases/${c.id}`)
    ).body;
    expect(page).not.toContain('id="attention-title"');
    expect(page).not.toContain('Sudah ditutup');
  });
});
