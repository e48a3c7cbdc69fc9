// Helpers shared by the application wizard tests (not loaded by the application).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { makeCitizen, makeNik, sessionCookie, uniqueEmail } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { pdf, png, postMultipart } from '../../test/uploads.ts';
import type { Executor } from '../platform/db/index.ts';
import type { App } from '../platform/http/server.ts';
import { villages } from '../regions/schema.ts';
import { applications } from './schema.ts';
import { stepPath, wizardSteps, type WizardStep } from './wizard-steps.ts';

export type Answers = Record<Exclude<WizardStep, 'documents'>, Record<string, string>>;

/** A signed-in citizen's browser. */
export async function citizenBrowser(app: App, db: Executor) {
  const citizen = await makeCitizen(db);
  return { citizen, browser: new Browser(app).setCookie(await sessionCookie(db, citizen)) };
}

/** Every page's answers for a married adult woman in Kota Kupang: elektronik, 10 years, percepatan. */
export async function adultAnswers(db: Executor, unitCode: string, birthDate = '1990-07-05'): Promise<Answers> {
  const [village] = await db
    .select({ code: villages.code })
    .from(villages)
    .where(eq(villages.districtCode, '53.71.01'))
    .limit(1);
  return {
    office: { unitCode },
    nik: { nik: makeNik(birthDate, 'F') },
    name: { fullName: 'Maria Goreti Bria' },
    birth: { birthPlace: 'Kupang', birthDate },
    sex: { sex: 'F' },
    marital: { maritalStatus: 'married' },
    address: {
      address: 'Jl. El Tari No. 1, RT 02/RW 01',
      home_province: '53',
      home_regency: '53.71',
      home_district: '53.71.01',
      home_village: village!.code,
    },
    phone: { phone: '0812 3456 7890' },
    email: { email: uniqueEmail('applicant') },
    kind: { kind: 'first', oldPassportNumber: '' },
    type: { passportType: 'elektronik' },
    validity: { validityYears: '10' },
    speed: { speed: 'percepatan' },
    purpose: { purpose: 'tourism', pmiRecommendationNumber: '' },
  };
}

/** Presses "apply" on the list page; returns the new draft's id. */
export async function startDraft(browser: Browser): Promise<string> {
  const res = await browser.post('/applications', {}, '/applications');
  expect(res.statusCode, res.body).toBe(303);
  return /^\/applications\/([0-9a-f-]{36})\/steps\/office$/.exec(String(res.headers.location))![1]!;
}

/** Answers the pages in order up to (not including) `until`; each must save and move on. */
export async function answerUntil(browser: Browser, id: string, answers: Answers, until: WizardStep = 'documents') {
  for (const step of wizardSteps.slice(0, wizardSteps.indexOf(until))) {
    const res = await browser.post(stepPath(id, step), answers[step as keyof Answers]);
    expect(res.statusCode, `${step}: ${res.body.slice(0, 3000)}`).toBe(303);
  }
}

/** Uploads an adult's required documents through the page's form. */
export async function uploadAdultDocuments(app: App, browser: Browser, id: string) {
  const page = stepPath(id, 'documents');
  for (const [kind, file] of [
    ['ektp', png],
    ['kk', pdf],
    ['akta_kelahiran', pdf],
  ] as const) {
    const res = await postMultipart(
      app,
      browser,
      `/applications/${id}/documents`,
      page,
      { kind },
      { filename: `${kind}.bin`, type: 'application/octet-stream', bytes: file },
    );
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
  }
}

export async function applicationRow(db: Executor, id: string) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row!;
}
