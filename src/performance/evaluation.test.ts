import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { pdf, postMultipart } from '../../test/uploads.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { addIssuanceHistory } from '../passports/add-issuance-history.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Account } from '../platform/auth/schema.ts';
import { indicatorCatalogue } from './indicator-catalogue.ts';
import { evaluationEvidence, evaluations, evaluationUnits, indicators, indicatorTargets } from './schema.ts';
import { seedIndicators } from './seed-indicators.ts';

type Detail = {
  status: string;
  draft: boolean;
  units: {
    unitCode: string;
    rank: number | null;
    score: number | null;
    notes: string;
    rows: { indicatorCode: string }[];
  }[];
};

describeApp('performance: catalogue, targets and the semester evaluation', (ctx) => {
  // A year of its own, so that evaluations opened by other runs on a shared PostgreSQL meet none of this file's.
  // A past year of its own (a semester is frozen once over), far from the years other tests count in.
  const year = 2000 + Math.floor(Math.random() * 20);
  const units = {} as Record<'a' | 'b', string>;
  const people = {} as Record<'head' | 'admin' | 'auditor' | 'headA' | 'headB' | 'kupangAdmin', Account>;
  const bearer = async (account: Account) => {
    const { token } = await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'));
    return { authorization: `Bearer ${token}` };
  };
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const api = async (account: Account, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: await bearer(account), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    units.a = (await makeUnit(ctx.db)).code;
    units.b = (await makeUnit(ctx.db)).code;
    people.head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' });
    people.admin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' });
    people.auditor = await makeOfficer(ctx.db, { role: 'auditor', unitCode: 'KANWIL-NTT' });
    people.headA = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: units.a });
    people.headB = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: units.b });
    people.kupangAdmin = await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANIM-KUPANG' });
    // Passports issued before Sikoe: A 100 and B 50 in the first semester, and some in July that it must not count.
    await addIssuanceHistory(ctx.db, [
      { unitCode: units.a, month: `${year}-02-01`, type: 'elektronik', count: 60 },
      { unitCode: units.a, month: `${year}-06-01`, type: 'biasa', count: 40 },
      { unitCode: units.a, month: `${year}-07-01`, type: 'elektronik', count: 999 },
      { unitCode: units.b, month: `${year}-03-01`, type: 'elektronik', count: 50 },
    ]);
  });

  it('seeds the starting catalogue once, keeping what the Kanwil changed, and lists it to officers', async () => {
    await ctx.db
      .update(indicators)
      .set({ nameId: 'Paspor terbit (diubah)' })
      .where(eq(indicators.code, 'PASPOR-TERBIT'));
    await seedIndicators(ctx.db);
    const res = await api(await makeOfficer(ctx.db, { role: 'verifier' }), 'GET', '/api/v1/indicators');
    expect(res.statusCode).toBe(200);
    const listed = res.json<{ code: string; nameId: string; ziArea: string }[]>();
    expect(listed.map((i) => i.code).sort()).toEqual(indicatorCatalogue.map((i) => i.code).sort());
    expect(listed.find((i) => i.code === 'PASPOR-TERBIT')!.nameId).toBe('Paspor terbit (diubah)');
    await ctx.db.update(indicators).set({ nameId: 'Paspor diterbitkan' }).where(eq(indicators.code, 'PASPOR-TERBIT'));
    const page = await (await as(people.headA)).get('/officer/performance');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Peningkatan Kualitas Pelayanan Publik');
    expect((await api(await makeOfficer(ctx.db, { role: 'partner' }), 'GET', '/api/v1/indicators')).statusCode).toBe(
      403,
    );
  });

  it('lets the Kanwil set targets, refusing bad ones whole, and nobody else', async () => {
    const body = (targets: { indicatorCode: string; target: number | null }[], unitCode = units.a) => ({
      unitCode,
      year,
      targets,
    });
    const tooHigh = await api(
      people.admin,
      'PUT',
      '/api/v1/indicators/targets',
      body([
        { indicatorCode: 'PASPOR-TERBIT', target: 200 },
        { indicatorCode: 'PASPOR-TEPAT-WAKTU', target: 101 },
      ]),
    );
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().error.fields).toHaveProperty('target_PASPOR-TEPAT-WAKTU');
    const stored = () =>
      ctx.db
        .select()
        .from(indicatorTargets)
        .where(and(eq(indicatorTargets.unitCode, units.a), eq(indicatorTargets.year, year)));
    expect(await stored()).toEqual([]);
    const unknown = await api(
      people.admin,
      'PUT',
      '/api/v1/indicators/targets',
      body([{ indicatorCode: 'NOPE', target: 1 }]),
    );
    expect(unknown.statusCode).toBe(422);
    const posts = await api(people.admin, 'PUT', '/api/v1/indicators/targets', body([], 'POS-LEMBATA'));
    expect(posts.json().error.fields).toEqual({ unitCode: expect.any(String) });
    const kupang = await api(
      people.kupangAdmin,
      'PUT',
      '/api/v1/indicators/targets',
      body([{ indicatorCode: 'PASPOR-TERBIT', target: 1 }]),
    );
    expect(kupang.statusCode).toBe(403);
    expect(
      (await api(people.headA, 'GET', `/api/v1/indicators/targets?unitCode=${units.a}&year=${year}`)).statusCode,
    ).toBe(403);

    // The page: an unreadable number is shown again with its message; "1.500" is one thousand five hundred.
    const browser = await as(people.head);
    const pageUrl = `/officer/performance/targets?unitCode=${units.a}&year=${year}`;
    const bad = await browser.post(
      '/officer/performance/targets',
      { unitCode: units.a, year: String(year), 'target_PASPOR-TERBIT': 'banyak' },
      pageUrl,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Masukkan angka');
    expect(await stored()).toEqual([]);
    const saved = await browser.post(
      '/officer/performance/targets',
      {
        unitCode: units.a,
        year: String(year),
        'target_PASPOR-TERBIT': '200',
        'target_PASPOR-TEPAT-WAKTU': '92,5',
        target_PNBP: '1.500',
      },
      pageUrl,
    );
    expect(saved.statusCode).toBe(303);
    const got = Object.fromEntries((await stored()).map((t) => [t.indicatorCode, t.target]));
    expect(got).toEqual({ 'PASPOR-TERBIT': 200, 'PASPOR-TEPAT-WAKTU': 92.5, PNBP: 1500 });
    expect((await browser.get(pageUrl)).body).toContain('value="92.5"');
    const b = await api(
      people.admin,
      'PUT',
      '/api/v1/indicators/targets',
      body(
        [
          { indicatorCode: 'PASPOR-TERBIT', target: 200 },
          { indicatorCode: 'PNBP', target: 1500 },
        ],
        units.b,
      ),
    );
    expect(b.statusCode).toBe(200);
  });

  it('opens a semester, takes notes and evidence, freezes a ranked snapshot that nothing can change after', async () => {
    const head = await as(people.head);
    const opened = await head.post(
      '/officer/performance/evaluations',
      { year: String(year), half: '1' },
      '/officer/performance/evaluations',
    );
    expect(opened.statusCode, opened.body.slice(0, 300)).toBe(303);
    const url = opened.headers.location as string;
    const id = url.split('/').pop()!;
    const again = await head.post(
      '/officer/performance/evaluations',
      { year: String(year), half: '1' },
      '/officer/performance/evaluations',
    );
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Semester ini sudah dibuka');

    // Unit A's head writes notes and adds evidence; B's head can neither read nor write A's.
    const headA = await as(people.headA);
    const unitUrl = `${url}/units/${units.a}`;
    expect((await headA.post(`${unitUrl}/notes`, { notes: 'Capaian baik.' }, unitUrl)).statusCode).toBe(303);
    const upload = await postMultipart(
      ctx.app,
      headA,
      `${unitUrl}/evidence`,
      unitUrl,
      { ziArea: 'penataan_tatalaksana', title: 'SK SOP' },
      { filename: 'sk.pdf', type: 'application/pdf', bytes: pdf },
    );
    expect(upload.statusCode, upload.body.slice(0, 300)).toBe(303);
    const html = await postMultipart(
      ctx.app,
      headA,
      `${unitUrl}/evidence`,
      unitUrl,
      { ziArea: 'hasil', title: 'X' },
      { filename: 'x.pdf', type: 'application/pdf', bytes: Buffer.from('<html></html>') },
    );
    expect(html.statusCode).toBe(422);
    const draft = await headA.get(unitUrl);
    expect(draft.body).toContain('DRAF');
    expect(draft.body).toContain('SK SOP');
    const [evidence] = await ctx.db.select().from(evaluationEvidence).where(eq(evaluationEvidence.evaluationId, id));
    const download = await headA.get(`${url}/evidence/${evidence!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const headB = await as(people.headB);
    expect((await headB.get(unitUrl)).statusCode).toBe(403);
    expect((await headB.get(`${url}/evidence/${evidence!.id}`)).statusCode).toBe(403);
    expect(
      (await headB.post(`${unitUrl}/notes`, { notes: 'Bukan kantor saya' }, `${url}/units/${units.b}`)).statusCode,
    ).toBe(403);
    expect(
      (await api(people.head, 'PUT', `/api/v1/evaluations/${id}/units/${units.a}/notes`, { notes: 'x' })).statusCode,
    ).toBe(403);
    expect((await api(people.headA, 'POST', `/api/v1/evaluations/${id}/actions`, { step: 'freeze' })).statusCode).toBe(
      403,
    );
    expect((await api(people.kupangAdmin, 'GET', `/api/v1/evaluations/${id}`)).statusCode).toBe(403);

    // The draft of one unit ranks it among every unit of the semester, not alone (B's passports are half of A's).
    expect((await headB.get(`${url}/units/${units.b}`)).body).toMatch(/2 dari \d+/);

    // A semester still running is not frozen.
    const today = witaDate();
    const running = await api(people.head, 'POST', '/api/v1/evaluations', {
      year: Number(today.slice(0, 4)),
      half: today.slice(5, 7) <= '06' ? 1 : 2,
      requestId: crypto.randomUUID(),
    });
    expect(running.statusCode, running.body).toBe(200);
    const early = await api(people.head, 'POST', `/api/v1/evaluations/${running.json().id}/actions`, {
      step: 'freeze',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('evaluation');

    const frozen = await head.post(`${url}/actions`, { step: 'freeze' }, url);
    expect(frozen.statusCode, frozen.body.slice(0, 300)).toBe(303);
    const [row] = await ctx.db.select().from(evaluations).where(eq(evaluations.id, id));
    expect(row!.status).toBe('frozen');
    expect(row!.catalogue!.map((i) => i.code)).toContain('PASPOR-TERBIT');
    const snapshot = async (unitCode: string) =>
      (
        await ctx.db
          .select()
          .from(evaluationUnits)
          .where(and(eq(evaluationUnits.evaluationId, id), eq(evaluationUnits.unitCode, unitCode)))
      )[0]!;
    const a = await snapshot(units.a);
    const b = await snapshot(units.b);
    expect(a.snapshot!.rows.find((r) => r.indicatorCode === 'PASPOR-TERBIT')).toEqual({
      indicatorCode: 'PASPOR-TERBIT',
      from: `${year}-01-01`,
      to: `${year}-06-30`,
      result: 100,
      yearTarget: 200,
      target: 100,
      achievement: 100,
    });
    expect(b.snapshot!.rows.find((r) => r.indicatorCode === 'PASPOR-TERBIT')!.achievement).toBe(50);
    // A year's indicator is judged at semester II only.
    expect(a.snapshot!.rows.map((r) => r.indicatorCode)).not.toContain('TINDAKAN-ADMINISTRATIF');
    // No PNBP was paid at either (0 % of its target): A (100 % and 0 %) above B (50 % and 0 %).
    expect(a.snapshot!.rows.find((r) => r.indicatorCode === 'PNBP')).toMatchObject({ result: 0, achievement: 0 });
    expect([a.rank, b.rank, a.score, b.score]).toEqual([1, 2, 50, 25]);
    expect(a.notes).toBe('Capaian baik.');

    // Scope of reading: A's head sees A only, with its rank; the Kanwil's auditor every unit.
    const own = (await api(people.headA, 'GET', `/api/v1/evaluations/${id}`)).json<Detail>();
    expect(own.units.map((u) => [u.unitCode, u.rank])).toEqual([[units.a, 1]]);
    expect(own.draft).toBe(false);
    const all = (await api(people.auditor, 'GET', `/api/v1/evaluations/${id}`)).json<Detail>();
    expect(all.units.map((u) => u.unitCode)).toEqual(expect.arrayContaining([units.a, units.b, 'KANIM-KUPANG']));

    // Nothing changes after: freezing twice, notes, evidence; and the database refuses direct writes.
    const twice = await api(people.head, 'POST', `/api/v1/evaluations/${id}/actions`, { step: 'freeze' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.fields).toHaveProperty('evaluation');
    const lateNotes = await api(people.headA, 'PUT', `/api/v1/evaluations/${id}/units/${units.a}/notes`, {
      notes: 'Diubah',
    });
    expect(lateNotes.statusCode).toBe(422);
    const lateFile = await api(people.headA, 'POST', `/api/v1/evaluations/${id}/units/${units.a}/evidence`, {
      ziArea: 'hasil',
      title: 'Terlambat',
      file: pdf.toString('base64'),
    });
    expect(lateFile.statusCode).toBe(422);
    expect((await headA.get(unitUrl)).body).not.toContain(`${unitUrl}/notes`);
    const refusedAsFrozen = (query: Promise<unknown>) =>
      expect(query.then(String, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message)).resolves.toMatch(
        /performance evaluation .* is frozen/,
      );
    await refusedAsFrozen(ctx.db.execute(sql`update performance_evaluations set status = 'opened' where id = ${id}`));
    await refusedAsFrozen(
      ctx.db.execute(sql`update performance_evaluation_units set rank = 9 where evaluation_id = ${id}`),
    );
    await refusedAsFrozen(ctx.db.execute(sql`delete from performance_evidence where evaluation_id = ${id}`));
    await refusedAsFrozen(
      ctx.db
        .execute(sql`insert into performance_evidence (evaluation_id, unit_code, zi_area, title, storage_key, media_type)
        values (${id}, ${units.a}, 'hasil', 'x', 'k', 'application/pdf')`),
    );
    // Nor can the tables be emptied at one stroke while a frozen evaluation is in them.
    await expect(
      ctx.db
        .execute(sql`truncate performance_evidence`)
        .then(String, (e: Error & { cause?: Error }) => e.cause?.message ?? e.message),
    ).resolves.toMatch(/may not be truncated/);
    expect((await snapshot(units.a)).rank).toBe(1);
    expect((await ctx.db.select().from(evaluations).where(eq(evaluations.id, id)))[0]!.status).toBe('frozen');

    // The reports: a PDF, and a workbook whose numbers read back.
    const report = await headA.get(`${url}/report.pdf`);
    expect(report.statusCode).toBe(200);
    expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await head.get(`${url}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const [ranking, results] = workbook.worksheets;
    const rankingRows = ranking!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rankingRows.find((r) => r[2] === units.a)?.slice(1)).toEqual([1, units.a, expect.any(String), 50]);
    const resultRows = results!.getSheetValues().filter(Boolean) as unknown[][];
    const passports = resultRows.find((r) => r[1] === units.b && r[3] === 'PASPOR-TERBIT')!;
    expect(passports.slice(7)).toEqual([50, 200, 100, 50]);

    // A change to the catalogue afterwards leaves the frozen copy as it was.
    const renamed = await api(people.admin, 'PUT', '/api/v1/indicators/PASPOR-TERBIT', {
      ...indicatorCatalogue.find((i) => i.code === 'PASPOR-TERBIT'),
      code: undefined,
      nameId: 'Paspor terbit (nama baru)',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const kept = (await ctx.db.select().from(evaluations).where(eq(evaluations.id, id)))[0]!.catalogue!;
    expect(kept.find((i) => i.code === 'PASPOR-TERBIT')!.nameId).toBe('Paspor diterbitkan');
    await ctx.db.update(indicators).set({ nameId: 'Paspor diterbitkan' }).where(eq(indicators.code, 'PASPOR-TERBIT'));
  });

  it('marks the reports of an open semester as a draft', async () => {
    const head = await as(people.head);
    const opened = await api(people.admin, 'POST', '/api/v1/evaluations', { year, half: 2 });
    expect(opened.statusCode).toBe(200);
    const url = `/officer/performance/evaluations/${opened.json<{ id: string }>().id}`;
    expect((await head.get(url)).body).toContain('DRAF');
    const xlsx = await head.get(`${url}/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getCell('A1').text).toMatch(/^DRAF/);
    expect(xlsx.headers['content-disposition']).toContain('-draf.xlsx');
    expect((await (await as(people.kupangAdmin)).get(url)).statusCode).toBe(403);
  });

  it('lets the Kanwil add and change an indicator, refusing a ratio of one figure or not in per cent', async () => {
    const head = await as(people.head);
    const formUrl = '/officer/performance/indicators/edit';
    expect((await head.get(formUrl)).statusCode).toBe(200);
    const code = `UJI-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
    const form = {
      code,
      nameId: 'Indikator uji',
      nameEn: 'Test indicator',
      descriptionId: '',
      descriptionEn: '',
      figureCode: 'passports_issued',
      denominatorCode: 'passports_issued',
      measure: 'percent',
      direction: 'higher',
      period: 'year',
      ziArea: 'penataan_sdm',
      position: '',
      active: 'on',
    };
    const same = await head.post('/officer/performance/indicators', form, formUrl);
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('Penyebut harus angka yang lain');
    const notPercent = await head.post(
      '/officer/performance/indicators',
      { ...form, denominatorCode: 'passport_cases_completed', measure: 'count' },
      formUrl,
    );
    expect(notPercent.statusCode).toBe(422);
    const stored = async () => (await ctx.db.select().from(indicators).where(eq(indicators.code, code)))[0];
    expect(await stored()).toBeUndefined();
    const saved = await head.post('/officer/performance/indicators', { ...form, denominatorCode: '' }, formUrl);
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    expect(await stored()).toMatchObject({ active: true, denominatorCode: null, period: 'year' });
    const editUrl = `${formUrl}?code=${code}`;
    expect((await head.get(editUrl)).body).toContain('Indikator uji');
    const { active: _, ...unchecked } = form;
    expect(
      (await head.post('/officer/performance/indicators', { ...unchecked, denominatorCode: '' }, editUrl)).statusCode,
    ).toBe(303);
    expect((await stored())!.active).toBe(false);
    const { code: _c, position: _p, ...body } = { ...form, denominatorCode: null, active: true };
    const kupang = await api(people.kupangAdmin, 'PUT', `/api/v1/indicators/${code}`, body);
    expect(kupang.statusCode).toBe(403);
    // A figure of how things stand today cannot say how a semester ended.
    const standing = await api(people.admin, 'PUT', `/api/v1/indicators/${code}`, {
      ...body,
      figureCode: 'passport_cases_overdue',
    });
    expect(standing.statusCode).toBe(422);
    expect(standing.body).toContain('figureCode');
    expect((await stored())!.figureCode).not.toBe('passport_cases_overdue');
    expect((await head.get(`${formUrl}?code=NONE-SUCH`)).statusCode).toBe(404);
    // The officer home links here for those who may use it, and not for a partner agency's account.
    expect((await (await as(people.headA)).get('/officer')).body).toContain('href="/officer/performance"');
    const partner = await makeOfficer(ctx.db, { role: 'partner' });
    expect((await (await as(partner)).get('/officer')).body).not.toContain('href="/officer/performance"');
  });
});
