import { inArray } from 'drizzle-orm';
import { createApplication, type NewApplication } from '../applications/create-application.ts';
import { lockApplication } from '../applications/get-application.ts';
import { applications, type ApplicationStatus } from '../applications/schema.ts';
import { bookAppointment, type BookingRules } from '../appointments/book-appointment.ts';
import { placeOutreachAppointment } from '../appointments/place-outreach-appointment.ts';
import type { CaseActionBody } from '../cases/inputs.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { openCaseStatuses } from '../cases/workflow.ts';
import { settleBilling } from '../appointments/settle-billing.ts';
import { systemCaller, type Caller } from '../platform/auth/caller.ts';
import { AppError } from '../platform/errors.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import type { Db } from '../platform/db/index.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { callNextTicket } from '../queue/call-next-ticket.ts';
import { checkInArrival } from '../queue/check-in-arrival.ts';

/** Where each sample applicant stands: before the office (on the citizen's side) or at the counter, step by step. */
type Stage =
  'submitted' | 'booked' | 'paid_later' | 'paid_today' | 'checked_in' | (typeof counterSteps)[number]['reaches'];

type Applicant = {
  stage: Stage;
  owner: string;
  fullName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
};

export const DEMO_UNIT = 'KANIM-KUPANG';

const applicants: Applicant[] = [
  {
    stage: 'submitted',
    owner: 'maria@demo.sikoe.id',
    fullName: 'Maria Goreti Bria',
    familyName: 'Bria',
    sex: 'F',
    birthDate: '1991-03-14',
  },
  {
    stage: 'booked',
    owner: 'yohanes@demo.sikoe.id',
    fullName: 'Yohanes Ndun',
    familyName: 'Ndun',
    sex: 'M',
    birthDate: '1988-11-02',
  },
  {
    stage: 'paid_later',
    owner: 'maria@demo.sikoe.id',
    fullName: 'Agustinus Seran',
    familyName: 'Seran',
    sex: 'M',
    birthDate: '1985-06-21',
  },
  {
    stage: 'paid_today',
    owner: 'anselmus@demo.sikoe.id',
    fullName: 'Theresia Nenobais',
    familyName: 'Nenobais',
    sex: 'F',
    birthDate: '1996-01-30',
  },
  {
    stage: 'checked_in',
    owner: 'anselmus@demo.sikoe.id',
    fullName: 'Fransiska Lake',
    familyName: 'Lake',
    sex: 'F',
    birthDate: '2001-09-09',
  },
  {
    stage: 'documents_verified',
    owner: 'yohanes@demo.sikoe.id',
    fullName: 'Petrus Nahak',
    familyName: 'Nahak',
    sex: 'M',
    birthDate: '1979-04-17',
  },
  {
    stage: 'biometrics_captured',
    owner: 'maria@demo.sikoe.id',
    fullName: 'Kornelis Tefa',
    familyName: 'Tefa',
    sex: 'M',
    birthDate: '1983-12-05',
  },
  {
    stage: 'interviewed',
    owner: 'yohanes@demo.sikoe.id',
    fullName: 'Debora Lani',
    familyName: 'Lani',
    sex: 'F',
    birthDate: '1998-07-23',
  },
  {
    stage: 'approved',
    owner: 'anselmus@demo.sikoe.id',
    fullName: 'Elisabeth Kase',
    familyName: 'Kase',
    sex: 'F',
    birthDate: '1975-02-11',
  },
  {
    stage: 'printed',
    owner: 'maria@demo.sikoe.id',
    fullName: 'Maria Imaculata Da Costa-Soares',
    familyName: 'Da Costa-Soares',
    sex: 'F',
    birthDate: '1993-10-01',
  },
  {
    stage: 'ready',
    owner: 'yohanes@demo.sikoe.id',
    fullName: 'Matheus Bani',
    familyName: 'Bani',
    sex: 'M',
    birthDate: '1969-08-15',
  },
  {
    stage: 'handed_over',
    owner: 'anselmus@demo.sikoe.id',
    fullName: 'Stefanus Haning',
    familyName: 'Haning',
    sex: 'M',
    birthDate: '1990-05-27',
  },
];

/** The counter's steps in order, each the body the officer sends, and the status a case reaches with it. */
const counterSteps = [
  {
    reaches: 'documents_verified',
    by: 'verifier',
    body: {
      type: 'document_check',
      documents: (['ektp', 'kk', 'akta_kelahiran'] as const).map((kind) => ({ kind, accepted: true })),
    },
  },
  { reaches: 'watchlist_cleared', by: 'verifier', body: { type: 'watchlist_check' } },
  { reaches: 'payment_confirmed', by: 'verifier', body: { type: 'confirm_payment' } },
  // A 1×1 JPEG stands in for the photo.
  {
    reaches: 'biometrics_captured',
    by: 'verifier',
    body: {
      type: 'capture_biometrics',
      photo:
        '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      fingerprints: { device: 'Suprema RealScan G10', quality: 80, fingers: 10 },
    },
  },
  {
    reaches: 'interviewed',
    by: 'verifier',
    body: {
      type: 'interview',
      checklist: {
        purpose: 'Wisata keluarga',
        destination: 'Singapura',
        answersConsistent: true,
        traffickingIndicators: [],
      },
      outcome: 'pass',
    },
  },
  { reaches: 'approved', by: 'adjudicator', body: { type: 'adjudicate', decision: 'approve' } },
  { reaches: 'printed', by: 'verifier', body: { type: 'print' } },
  { reaches: 'ready', by: 'verifier', body: { type: 'quality_check', passed: true } },
  {
    reaches: 'handed_over',
    by: 'verifier',
    body: { type: 'hand_over', identityChecked: true, recipient: 'applicant' },
  },
] as const satisfies readonly { reaches: ApplicationStatus; by: 'verifier' | 'adjudicator'; body: CaseActionBody }[];

/** A valid Kota Kupang NIK for a birth date and sex, with a fixed serial per sample applicant: how a rerun knows it. */
function demoNik(a: Applicant, serial: number): string {
  const [y, m, d] = a.birthDate.split('-');
  return `537101${String(Number(d) + (a.sex === 'F' ? 40 : 0)).padStart(2, '0')}${m}${y!.slice(2)}${String(9000 + serial)}`;
}

export type DemoServices = {
  storage: Storage;
  publicUrl: string;
  qrSecret: string;
  booking: BookingRules & { applicantsPerAccount: number };
};

/**
 * Sample applications at Kantor Imigrasi Kupang at every stage, so reception, the counter, the case pages and the
 * pickup desk have something to show at once: submitted, booked and paid for a later day, expected today, waiting in
 * the queue, and at each step of the counter up to handed over. Everything goes through the real use cases, as the
 * demo citizens and officers: submission, booking, payment, check-in, each step, printing with its MRZ. Applicants
 * already there (by NIK) are left as they are.
 */
export async function seedDemoCases(db: Db, services: DemoServices, now = new Date()): Promise<number> {
  const today = witaDate(now);
  const niks = applicants.map((a, i) => demoNik(a, i));
  const existing = new Set(
    (await db.select({ nik: applications.nik }).from(applications).where(inArray(applications.nik, niks))).map(
      (r) => r.nik,
    ),
  );
  const officers = await db
    .select()
    .from(accounts)
    .where(inArray(accounts.email, ['verifikator.kupang@demo.sikoe.id', 'adjudikator.kupang@demo.sikoe.id']));
  const officer = (role: 'verifier' | 'adjudicator') =>
    toActor(
      officers.find((o) => o.role === role)!,
      'session',
      true,
    );
  const owners = new Map(
    (
      await db
        .select()
        .from(accounts)
        .where(
          inArray(
            accounts.email,
            applicants.map((a) => a.owner),
          ),
        )
    ).map((a) => [a.email, toActor(a, 'session', false)]),
  );
  let made = 0;

  // The one left waiting is checked in last: the counter calls the oldest waiting ticket, which must be each served
  // applicant's own, and "call next" at a counter must then bring the one who waits.
  const order = [...applicants.entries()].sort(
    ([, a], [, b]) => Number(a.stage === 'checked_in') - Number(b.stage === 'checked_in'),
  );
  for (const [i, a] of order) {
    if (existing.has(niks[i]!)) continue;
    const owner = owners.get(a.owner)!;
    const application = await db.transaction((tx) =>
      createApplication(tx, { actor: owner }, applicationOf(a, niks[i]!, owner.email), services.booking, now),
    );
    made += 1;
    if (a.stage === 'submitted') continue;
    if (a.stage === 'booked' || a.stage === 'paid_later') {
      const booked = await bookNextOpenDay(db, { actor: owner }, application.id, services, now);
      if (booked && a.stage === 'paid_later')
        await db.transaction((tx) =>
          settleBilling(tx, systemCaller('seed --demo'), { code: booked, reference: 'DEMO' }, now),
        );
      continue;
    }
    await appointmentToday(db, application.id, today);
    if (a.stage === 'paid_today') continue;
    await serveAtCounter(db, services, application, a, officer, now);
  }
  return made;
}

/** From arrival at the counter to the applicant's stage: checked in, called, then served step by step. */
async function serveAtCounter(
  db: Db,
  services: DemoServices,
  application: { id: string; trackingCode: string },
  a: Applicant,
  officer: (role: 'verifier' | 'adjudicator') => Actor,
  now: Date,
): Promise<void> {
  await db.transaction((tx) =>
    checkInArrival(
      tx,
      { actor: officer('verifier') },
      { unitCode: DEMO_UNIT, trackingCode: application.trackingCode, birthDate: a.birthDate },
      services.qrSecret,
      now,
    ),
  );
  if (a.stage === 'checked_in') return;
  // Called to a counter, then served step by step: whoever acts takes the case and hands it on.
  await db.transaction((tx) =>
    callNextTicket(tx, { actor: officer('verifier') }, { unitCode: DEMO_UNIT, counter: 'Loket 1' }, now),
  );
  const act = (body: CaseActionBody, by: 'verifier' | 'adjudicator') =>
    db.transaction((tx) =>
      performCaseAction(
        tx,
        { actor: officer(by) },
        { applicationId: application.id, body },
        { storage: services.storage, publicUrl: services.publicUrl, now },
      ),
    );
  let holder: 'verifier' | 'adjudicator' | null = null;
  for (const step of counterSteps.slice(0, counterSteps.findIndex((s) => s.reaches === a.stage) + 1)) {
    if (holder !== step.by) {
      if (holder) await act({ type: 'release' }, holder);
      await act({ type: 'take' }, step.by);
      holder = step.by;
    }
    await act(step.body, step.by);
  }
  // A case still at the office waits for the next officer; one handed over is no longer held by anyone.
  if (holder && openCaseStatuses.includes(a.stage)) await act({ type: 'release' }, holder);
}

/** What the applicant would have sent: an adult's first 10-year electronic passport, for a family visit. */
function applicationOf(a: Applicant, nik: string, email: string): NewApplication {
  return {
    unitCode: DEMO_UNIT,
    nik,
    fullName: a.fullName,
    familyName: a.familyName,
    birthPlace: 'Kupang',
    birthDate: a.birthDate,
    sex: a.sex,
    maritalStatus: 'married',
    address: 'Jl. El Tari No. 5, Oebobo, Kota Kupang',
    villageCode: null,
    phone: '0812 3456 7890',
    email,
    kind: 'first',
    oldPassportNumber: null,
    passportType: 'elektronik',
    validityYears: 10,
    speed: 'reguler',
    purpose: 'family',
    pmiRecommendationNumber: null,
  };
}

/**
 * Books, as the applicant, the first day from tomorrow on which the office has room; the billing code, or null when
 * none in two weeks. A day refused (closed, full, out of stock) is passed over; anything else is a fault and stops.
 */
async function bookNextOpenDay(
  db: Db,
  caller: Caller,
  applicationId: string,
  services: DemoServices,
  now: Date,
): Promise<string | null> {
  for (let ahead = 1; ahead <= 14; ahead++) {
    const date = addDays(witaDate(now), ahead);
    const booked = await db
      .transaction((tx) =>
        bookAppointment(tx, caller, { applicationId, date, mail: false }, services.booking, services.qrSecret, now),
      )
      .catch((err: unknown) => {
        if (err instanceof AppError) return null;
        throw err;
      });
    if (booked) return booked.billing.code;
  }
  return null;
}

/**
 * An appointment for today, paid. The booking window starts tomorrow, so it is placed as the office places one it
 * serves outside the counter's quotas (a si Koe Peduli visit), and its billing code is settled as the bank would.
 */
async function appointmentToday(db: Db, applicationId: string, today: string) {
  const caller = systemCaller('seed --demo');
  await db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const { billingCode } = await placeOutreachAppointment(tx, caller, {
      application,
      unitCode: DEMO_UNIT,
      date: today,
      channel: 'online',
      link: { demo: 'seed' },
    });
    // Paid now: the billing code was made by the database clock a moment ago.
    await settleBilling(tx, caller, { code: billingCode, reference: 'DEMO' }, new Date());
  });
}
