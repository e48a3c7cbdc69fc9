import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeCase } from '../../src/cases/test-support.ts';
import type { Account } from '../../src/platform/auth/schema.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { regencies, villages } from '../../src/regions/schema.ts';
import { villageTips } from '../../src/village-tips/schema.ts';
import { freeVillage, nikIn } from '../desa-binaan-factories.ts';
import { birthDatesFrom, makeOfficer, sessionCookie } from '../factories.ts';
import { describeInChromium, loaded } from './suite.ts';

const id = translator('id');
/** Birth dates from 1917 on, where no other test puts people. */
const born = birthDatesFrom(1917);
/** Oeseli, Kec. Rote Barat Daya, Rote Ndao: adopted by Kantor Imigrasi Kupang in the seeded reference data. */
const oeseli = '53.14.01.2005';

/** A section of a page (a step's form), found by its heading. */
const section = (page: Page, heading: string) =>
  page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
const attentionNote = (page: Page) => page.getByRole('region', { name: id('cases.attention.title') });

/**
 * Desa Binaan's early warning in Chromium with JavaScript off, in Indonesian: a villager's anonymous tip about a
 * recruiter becomes an intelligence officer's warning, which the interviewing officer reads on the case of an
 * applicant from that village (and not on another's) without anything of the tip, and defers the case.
 */
describeInChromium('the Desa Binaan journey in Chromium', ({ browser, server }) => {
  const signedIn = async (account: Account): Promise<BrowserContext> => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const [name, value] = (await sessionCookie(server().app.deps.database.db, account)).split('=') as [string, string];
    await context.addCookies([{ name, value, url: server().url }]);
    return context;
  };

  it('turns an anonymous tip into a warning the interviewer reads, never the tip, and defers the case', async () => {
    const db = server().app.deps.database.db;
    const [village] = await db.select().from(villages).where(eq(villages.code, oeseli));
    const [regency] = await db
      .select()
      .from(regencies)
      .where(eq(regencies.code, oeseli.slice(0, 5)));
    const intel = await makeOfficer(db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const verifier = await makeOfficer(db, { role: 'verifier', unitCode: 'KANIM-KUPANG' });
    const atInterview = async (villageCode: string, districtCode: string, fullName: string) => {
      const birthDate = born();
      return makeCase(db, {
        unitCode: 'KANIM-KUPANG',
        status: 'biometrics_captured',
        holderId: verifier.id,
        villageCode,
        nik: nikIn(districtCode, birthDate),
        birthDate,
        fullName,
      });
    };
    const fromOeseli = await atInterview(oeseli, oeseli.slice(0, 8), 'Adriana Lintas Oeseli');
    const elsewhere = await freeVillage(db);
    const unrelated = await atInterview(elsewhere.villageCode, elsewhere.districtCode, 'Benediktus Lintas Jauh');
    const description = `Pak Calo Lintas merekrut anak muda di Oeseli untuk kerja di Malaysia tanpa dokumen (${fromOeseli.id.slice(0, 8)})`;
    const summary = `Perekrut PMI non-prosedural aktif di Oeseli; tanyakan penjamin dan kontrak kerja (${fromOeseli.id.slice(0, 8)})`;

    const villagerContext = await browser().newContext({ javaScriptEnabled: false });
    const intelContext = await signedIn(intel);
    const verifierContext = await signedIn(verifier);
    try {
      // The villager finds the adopted villages of Rote Ndao, then the form, and picks the village without JavaScript.
      const villager = await villagerContext.newPage();
      await villager.goto(`${server().url}/desa-binaan`);
      await loaded(villager, villager.getByRole('link', { name: regency!.name, exact: true }).click());
      expect(await villager.getByRole('heading', { level: 2, name: village!.name, exact: true }).count()).toBe(1);
      await loaded(villager, villager.getByRole('link', { name: id('adoptedVillages.tipLink') }).click());
      expect(villager.url()).toBe(`${server().url}/desa-binaan/lapor`);
      await villager.getByLabel(id('villageTips.kinds.recruiter'), { exact: true }).check();
      await villager.getByLabel(id('villageTips.fields.description'), { exact: true }).fill(description);
      await villager.getByLabel(id('villageTips.fields.subjectName'), { exact: true }).fill('Pak Calo Lintas');
      await villager.getByLabel(id('villageTips.fields.anonymous'), { exact: true }).check();
      const narrow = async (level: 'regency' | 'district' | 'village', code: string) => {
        await villager.getByLabel(id(`regions.${level}`), { exact: true }).selectOption(code);
        if (level !== 'village')
          await loaded(villager, villager.getByRole('button', { name: id('regions.refresh') }).click());
      };
      await narrow('regency', oeseli.slice(0, 5));
      await narrow('district', oeseli.slice(0, 8));
      await narrow('village', oeseli);
      // What was typed before narrowing is still there.
      expect(await villager.getByLabel(id('villageTips.fields.description'), { exact: true }).inputValue()).toBe(
        description,
      );
      await loaded(villager, villager.getByRole('button', { name: id('villageTips.submit') }).click());
      expect(await villager.getByRole('heading', { level: 1 }).textContent()).toBe(id('villageTips.filedTitle'));
      const [trackingCode, secret] = await villager.locator('strong.code').allTextContents();
      expect(trackingCode).toBeTruthy();
      expect(secret).toBeTruthy();
      const [tip] = await db.select().from(villageTips).where(eq(villageTips.trackingCode, trackingCode!));
      expect(tip).toMatchObject({ unitCode: 'KANIM-KUPANG', villageCode: oeseli, kind: 'recruiter', description });

      // Before any warning, the interviewer of the Oeseli applicant sees only the adopted village; the other, nothing.
      const counter = await verifierContext.newPage();
      await counter.goto(`${server().url}/officer/cases/${fromOeseli.id}`);
      const before = attentionNote(counter);
      expect(await before.textContent()).toContain(village!.name);
      expect(await before.getByRole('heading', { name: id('cases.attention.warningsTitle') }).count()).toBe(0);
      await counter.goto(`${server().url}/officer/cases/${unrelated.id}`);
      expect(await attentionNote(counter).count()).toBe(0);

      // The intelligence officer of Kantor Imigrasi Kupang finds the tip in the queue, triages it, raises a warning.
      const desk = await intelContext.newPage();
      await desk.goto(`${server().url}/officer/desa-binaan/tips`);
      const row = desk.getByRole('row').filter({ has: desk.getByRole('link', { name: trackingCode, exact: true }) });
      expect(await row.textContent()).toContain(id('villageTips.statuses.received'));
      expect(await row.textContent()).toContain(id('villageTips.kinds.recruiter'));
      expect(await row.textContent()).not.toContain(id('villageTips.officer.overdue'));
      await loaded(desk, row.getByRole('link', { name: trackingCode, exact: true }).click());
      expect(await desk.textContent('body')).toContain(description);
      const triage = section(desk, id('villageTips.steps.triage'));
      await triage.getByLabel(id('villageTips.credible.yes'), { exact: true }).check();
      await triage.getByLabel(id('villageTips.fields.text'), { exact: true }).fill('Cocok dengan laporan PIMPASA');
      await loaded(desk, triage.getByRole('button', { name: id('villageTips.steps.triage') }).click());
      expect(await desk.locator('dl').first().textContent()).toContain(id('villageTips.statuses.triaged'));
      const raise = section(desk, id('villageTips.officer.raiseWarning'));
      await raise.getByLabel(id('villageTips.warningKinds.recruiter'), { exact: true }).check();
      await raise.getByLabel(id('villageTips.fields.summary'), { exact: true }).fill(summary);
      await raise.getByLabel(id('villageTips.fields.recruiterName'), { exact: true }).fill('Pak Calo Lintas');
      await raise.getByLabel(id('villageTips.fields.areaCode'), { exact: true }).fill(oeseli);
      await loaded(desk, raise.getByRole('button', { name: id('villageTips.officer.raiseWarning') }).click());
      expect(desk.url()).toMatch(/\/officer\/desa-binaan\/warnings\/[0-9a-f-]{36}$/);
      expect(await desk.textContent('body')).toContain(summary);

      // The interviewer now reads the warning's summary beside the adopted village, and nothing of the tip.
      await counter.goto(`${server().url}/officer/cases/${fromOeseli.id}`);
      const note = attentionNote(counter);
      const noteText = await note.textContent();
      expect(noteText).toContain(village!.name);
      expect(noteText).toContain(summary);
      expect(noteText).toContain(id('cases.attention.recruiter', { name: 'Pak Calo Lintas' }));
      // The tip's own data nowhere in the page, nor the words of its sender's fields (the applicant's own email is).
      const tipData = [description, trackingCode!, secret!, tip!.id];
      const reporterWords = [
        id('villageTips.officer.reporter'),
        id('villageTips.officer.anonymous'),
        ...['reporterName', 'reporterPhone', 'anonymous', 'trackingCode', 'secret'].map((f) =>
          id(`villageTips.fields.${f}`),
        ),
      ];
      const leaks = async () => {
        const html = await counter.content();
        const text = (await counter.textContent('body'))!.toLowerCase();
        return [
          ...tipData.filter((s) => html.includes(s)),
          ...reporterWords.filter((w) => text.includes(w.toLowerCase())),
        ];
      };
      expect(await leaks()).toEqual([]);

      // The interviewer defers the case for suspected non-procedural migrant work.
      const interview = counter.getByRole('region', { name: id('cases.actions.interview'), exact: true });
      await interview.getByLabel(id('cases.interview.destination'), { exact: true }).fill('Malaysia');
      await interview.getByLabel(id('cases.interview.sponsor'), { exact: true }).fill('Pak Calo Lintas');
      await interview.getByLabel(id('cases.indicators.recruiter_present'), { exact: true }).check();
      await interview.getByLabel(id('cases.interview.defer'), { exact: true }).check();
      await interview.getByLabel(id('cases.interview.reasonCode'), { exact: true }).selectOption('pmi_non_procedural');
      await interview
        .getByLabel(id('cases.interview.reason'), { exact: true })
        .fill('Datang kembali dengan rekomendasi Disnaker dan perjanjian kerja');
      await loaded(counter, interview.getByRole('button', { name: id('cases.interview.submit') }).click());
      expect(counter.url()).toBe(`${server().url}/officer/cases/${fromOeseli.id}`);
      expect(await counter.locator('dl.facts').first().textContent()).toContain(id('cases.statuses.deferred'));
      expect(await attentionNote(counter).textContent()).toContain(summary);
      expect(await leaks()).toEqual([]);

      // The applicant from another village is told nothing of Oeseli's warning.
      await counter.goto(`${server().url}/officer/cases/${unrelated.id}`);
      expect(await attentionNote(counter).count()).toBe(0);
      expect(await counter.textContent('body')).not.toContain(summary);
    } finally {
      await villagerContext.close();
      await intelContext.close();
      await verifierContext.close();
    }
  });
});
