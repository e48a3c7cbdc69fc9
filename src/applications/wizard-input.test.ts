import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { translator } from '../platform/i18n/index.ts';
import { adultAnswers, answerUntil, applicationRow, citizenBrowser, startDraft } from './test-support.ts';
import { stepPath, type WizardStep } from './wizard-steps.ts';

const tId = translator('id');
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describeApp('application wizard: refused answers', (ctx) => {
  it('re-shows each page with a clear message per field (422) and saves nothing', async () => {
    const unit = await makeUnit(ctx.db);
    const noPassport = await makeUnit(ctx.db, { services: ['complaints'] });
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    await answerUntil(browser, id, await adultAnswers(ctx.db, unit.code));
    const before = await applicationRow(ctx.db, id);

    const cases: [WizardStep, Record<string, string>, string, string][] = [
      ['office', {}, 'unitCode', 'v.unit'],
      ['office', { unitCode: noPassport.code }, 'unitCode', 'v.unitNoPassport'],
      ['nik', { nik: '12345' }, 'nik', 'v.nikFormat'],
      ['nik', { nik: '9999990507901234' }, 'nik', 'v.nikRegion'],
      ['name', { fullName: '   ' }, 'fullName', 'v.required'],
      ['name', { fullName: 'Maria Goreti Ndoen', familyName: 'Bria' }, 'familyName', 'v.familyNameNotInName'],
      ['birth', { birthPlace: 'Kupang', birthDate: '1990-02-31' }, 'birthDate', 'v.dateImpossible'],
      ['birth', { birthPlace: '', birthDate: '1990-07-05' }, 'birthPlace', 'v.required'],
      ['birth', { birthPlace: 'Kupang', birthDate: '05/07/1990' }, 'birthDate', 'v.date'],
      ['birth', { birthPlace: 'Kupang', birthDate: '2999-01-01' }, 'birthDate', 'v.birthDateFuture'],
      ['birth', { birthPlace: 'Kupang', birthDate: '1991-07-05' }, 'birthDate', 'v.nikBirthDate'],
      ['sex', {}, 'sex', 'v.choose'],
      ['sex', { sex: 'M' }, 'sex', 'v.nikSex'],
      ['marital', { maritalStatus: 'complicated' }, 'maritalStatus', 'v.choose'],
      ['address', { address: '', home_village: before.villageCode! }, 'address', 'v.required'],
      ['address', { address: 'Jl. Timor Raya 5', home_province: '53' }, 'home', 'v.village'],
      ['address', { address: 'Jl. Timor Raya 5', home_village: '53.71.99.9999' }, 'home', 'v.village'],
      ['phone', { phone: 'call me' }, 'phone', 'v.phone'],
      ['email', { email: 'maria(at)example' }, 'email', 'v.email'],
      ['kind', {}, 'kind', 'v.choose'],
      ['kind', { kind: 'replacement', oldPassportNumber: '' }, 'oldPassportNumber', 'v.required'],
      ['kind', { kind: 'damaged', oldPassportNumber: 'A1' }, 'oldPassportNumber', 'v.passportNumber'],
      ['type', { passportType: 'diplomatik' }, 'passportType', 'v.choose'],
      ['validity', { validityYears: '7' }, 'validityYears', 'v.choose'],
      ['speed', {}, 'speed', 'v.choose'],
      ['purpose', { purpose: 'smuggling' }, 'purpose', 'v.choose'],
      ['purpose', { purpose: 'work', pmiRecommendationNumber: '' }, 'pmiRecommendationNumber', 'v.pmiRequired'],
      ['documents', {}, 'documents', 'v.documentsMissing'],
    ];
    const problems: string[] = [];
    for (const [step, form, field, key] of cases) {
      const res = await browser.post(stepPath(id, step), form);
      const what = `${step} ${JSON.stringify(form)}`;
      if (res.statusCode !== 422) problems.push(`${what}: status ${res.statusCode}`);
      if (!res.body.includes(escape(tId(key)))) problems.push(`${what}: no "${tId(key)}"`);
      if (!res.body.includes(`href="#f-${field}"`) || !res.body.includes(`id="f-${field}"`))
        problems.push(`${what}: summary not linked to f-${field}`);
      if (!res.body.includes(`<title>${escape(tId('common.errorPrefix'))}`))
        problems.push(`${what}: title does not say there is an error`);
    }
    expect(problems).toEqual([]);
    expect(await applicationRow(ctx.db, id)).toEqual(before);
  });

  it('shows the next level of regions without JavaScript, saving nothing', async () => {
    const unit = await makeUnit(ctx.db);
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    await answerUntil(browser, id, await adultAnswers(ctx.db, unit.code), 'address');
    const before = await applicationRow(ctx.db, id);
    const res = await browser.post(stepPath(id, 'address'), {
      address: 'Jl. Timor Raya 5',
      home_province: '53',
      home_regency: '53.71',
      _refresh: 'home',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="53.71.01"');
    expect(res.body).toContain('value="Jl. Timor Raya 5"');
    expect(res.body).not.toContain('error-summary');
    expect(await applicationRow(ctx.db, id)).toEqual(before);
  });

  it('opens a page only after the pages before it, and sends "change" back to the check page', async () => {
    const unit = await makeUnit(ctx.db);
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    const skipped = await browser.get(stepPath(id, 'validity'));
    expect(skipped.statusCode).toBe(303);
    expect(skipped.headers.location).toBe(stepPath(id, 'office'));
    const answers = await adultAnswers(ctx.db, unit.code);
    await answerUntil(browser, id, answers, 'phone');
    expect((await browser.post(stepPath(id, 'speed'), { speed: 'reguler' })).headers.location).toBe(
      stepPath(id, 'phone'),
    );
    expect((await applicationRow(ctx.db, id)).speed).toBeNull();
    expect((await browser.get(`/applications/${id}/check`)).headers.location).toBe(stepPath(id, 'phone', true));

    const page = await browser.get(stepPath(id, 'name'));
    expect(page.body).toContain(`href="${stepPath(id, 'nik')}"`);
    expect(page.body).toContain('value="Maria Goreti Bria"');
    const changing = await browser.get(stepPath(id, 'name', true));
    expect(changing.body).toContain(`href="/applications/${id}/check"`);
    const saved = await browser.post(stepPath(id, 'name', true), { fullName: 'Maria Bria' });
    expect(saved.headers.location).toBe(`/applications/${id}/check`);
    expect((await applicationRow(ctx.db, id)).fullName).toBe('Maria Bria');
  });

  it('keeps the PMI number for work only', async () => {
    const unit = await makeUnit(ctx.db);
    const { browser } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(browser);
    await answerUntil(browser, id, await adultAnswers(ctx.db, unit.code), 'purpose');
    expect(
      (
        await browser.post(stepPath(id, 'purpose'), {
          purpose: 'work',
          pmiRecommendationNumber: 'B3.123/BP3MI-NTT/2026',
        })
      ).statusCode,
    ).toBe(303);
    expect(await applicationRow(ctx.db, id)).toMatchObject({
      purpose: 'work',
      pmiRecommendationNumber: 'B3.123/BP3MI-NTT/2026',
    });
    expect(
      (
        await browser.post(stepPath(id, 'purpose'), {
          purpose: 'tourism',
          pmiRecommendationNumber: 'B3.123/BP3MI-NTT/2026',
        })
      ).statusCode,
    ).toBe(303);
    expect(await applicationRow(ctx.db, id)).toMatchObject({ purpose: 'tourism', pmiRecommendationNumber: null });
  });
});
