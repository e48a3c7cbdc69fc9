import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit } from '../../test/factories.ts';
import { applicationActions, applicationDocuments, applications } from '../applications/schema.ts';
import type { CaseActionBody } from '../cases/inputs.ts';
import { performCaseAction } from '../cases/perform-case-action.ts';
import { makeCase } from '../cases/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { checkDigit, mrzName } from './mrz.ts';
import { numberSeries } from './number-series.ts';
import { passportDates } from './passport-dates.ts';
import { bookMovements, bookStock, cancelledPassports, passports, passportSeries } from './schema.ts';
import { UNCOLLECTED_DAYS, VOID_JOB, voidUncollected } from './void-uncollected.ts';

const DAY = 86_400_000;

describe('passport dates', () => {
  it('expires on the same day and month, a leap day on 28 February', () => {
    expect(passportDates(new Date('2025-01-12T02:00:00Z'), 10)).toEqual({
      issueDate: '2025-01-12',
      expiryDate: '2035-01-12',
    });
    // 17:00 UTC is already the next day in WITA.
    expect(passportDates(new Date('2025-01-11T17:00:00Z'), 5)).toEqual({
      issueDate: '2025-01-12',
      expiryDate: '2030-01-12',
    });
    expect(passportDates(new Date('2024-02-29T04:00:00Z'), 5).expiryDate).toBe('2029-02-28');
    expect(passportDates(new Date('2024-02-29T04:00:00Z'), 4).expiryDate).toBe('2028-02-29');
  });
});

describeApp('passport issuance: print, quality check, hand-over, void', (ctx) => {
  const act = (officer: Account, applicationId: string, body: CaseActionBody, now?: Date) =>
    ctx.db.transaction((tx) =>
      performCaseAction(
        tx,
        { actor: toActor(officer, 'session', true) },
        { applicationId, body },
        { storage: openStorage(ctx.config), publicUrl: ctx.config.publicUrl, now },
      ),
    );
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (err: { code?: string }) => err.code,
    );
  const stockOf = async (unitCode: string, type: 'biasa' | 'elektronik') =>
    (
      await ctx.db
        .select()
        .from(bookStock)
        .where(and(eq(bookStock.unitCode, unitCode), eq(bookStock.passportType, type)))
    )[0]?.quantity;
  const passportOf = async (applicationId: string) =>
    ctx.db.select().from(passports).where(eq(passports.applicationId, applicationId)).orderBy(passports.printedAt);
  const statusOf = async (id: string) =>
    (
      await ctx.db
        .select({ status: applications.status, holderId: applications.holderId })
        .from(applications)
        .where(eq(applications.id, id))
    )[0]!;

  /** A unit with `books` elektronik blank books and a counter officer; cases are made held by that officer. */
  async function desk(books = 5) {
    const unit = await makeUnit(ctx.db);
    await ctx.db.insert(bookStock).values({ unitCode: unit.code, passportType: 'elektronik', quantity: books });
    const officer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code });
    const makeHeld = (status: string, extra: Partial<Omit<typeof applications.$inferInsert, 'unitCode'>> = {}) =>
      makeCase(ctx.db, { unitCode: unit.code, status, holderId: officer.id, ...extra });
    return { unit, officer, makeHeld };
  }

  it('writes the family name the applicant stated first in the MRZ, and prints nothing while it is not stated', async () => {
    const { unit, officer, makeHeld } = await desk(3);
    const maria = await makeHeld('approved', {
      fullName: 'Maria Imaculata Da Costa-Soares',
      familyName: 'Da Costa-Soares',
      sex: 'F',
    });
    const printed = await act(officer, maria.id, { type: 'print' });
    const [p] = await passportOf(maria.id);
    expect(p!.mrz1).toBe(`P<IDN${'DA<COSTA<SOARES<<MARIA<IMACULATA'.padEnd(39, '<')}`);
    expect(printed.status).toBe('printed');
    const single = await makeHeld('approved', { fullName: 'Satriya Sudarpa', familyName: '' });
    await act(officer, single.id, { type: 'print' });
    expect((await passportOf(single.id))[0]!.mrz1).toBe(`P<IDN${'SATRIYA<SUDARPA'.padEnd(39, '<')}`);
    // An application that did not say (an API client left it out): the officer asks the applicant at printing.
    const unstated = await makeHeld('approved', { fullName: 'Rudi Hartono Nainggolan', familyName: null });
    expect(await refusal(act(officer, unstated.id, { type: 'print' }))).toBe('validation_failed');
    expect(await refusal(act(officer, unstated.id, { type: 'print', familyName: 'Simatupang' }))).toBe(
      'validation_failed',
    );
    expect(await passportOf(unstated.id)).toEqual([]);
    expect(await stockOf(unit.code, 'elektronik')).toBe(1);
    await act(officer, unstated.id, { type: 'print', familyName: 'Nainggolan' });
    expect((await passportOf(unstated.id))[0]!.mrz1).toBe(`P<IDN${'NAINGGOLAN<<RUDI<HARTONO'.padEnd(39, '<')}`);
    expect((await statusOf(unstated.id)).status).toBe('printed');
  });

  it('prints: takes a book, allocates consecutive numbers in the unit’s own block, and writes a valid MRZ', async () => {
    const { unit, officer, makeHeld } = await desk(3);
    const first = await makeHeld('approved', {
      fullName: "Maria Goreti O'Neil-Bria",
      sex: 'F',
      birthDate: '1988-03-14',
    });
    const second = await makeHeld('approved');
    const r1 = await act(officer, first.id, { type: 'print' });
    const r2 = await act(officer, second.id, { type: 'print' });
    expect(r1).toMatchObject({ status: 'printed', holderId: officer.id, action: { type: 'print' } });
    const [n1, n2] = [r1.action.payload.passportNumber as string, r2.action.payload.passportNumber as string];
    expect(n1).toMatch(/^X\d{7}$/);
    expect(Number(n2.slice(1))).toBe(Number(n1.slice(1)) + 1);
    // A unit without a configured range starts at the beginning of a pool block of its own.
    expect(Number(n1.slice(1)) % numberSeries.poolBlockSize).toBe(0);
    expect(Number(n1.slice(1))).toBeGreaterThanOrEqual(numberSeries.poolFrom);
    expect(await stockOf(unit.code, 'elektronik')).toBe(1);
    const issued = await ctx.db
      .select()
      .from(bookMovements)
      .where(eq(bookMovements.unitCode, unit.code))
      .orderBy(bookMovements.id);
    expect(issued.map((m) => [m.kind, m.quantity, m.passportNumber, m.actorId])).toEqual([
      ['issued', -1, n1, officer.id],
      ['issued', -1, n2, officer.id],
    ]);

    const [p] = await passportOf(first.id);
    const { issueDate, expiryDate } = passportDates(new Date(), 10);
    expect(p).toMatchObject({
      number: n1,
      status: 'printed',
      type: 'elektronik',
      unitCode: unit.code,
      holderName: "Maria Goreti O'Neil-Bria",
      nik: first.nik,
      sex: 'F',
      birthDate: '1988-03-14',
      issueDate,
      expiryDate,
    });
    const [line1, line2] = [p!.mrz1, p!.mrz2];
    expect(line1).toHaveLength(44);
    expect(line2).toHaveLength(44);
    expect(line1).toBe(`P<IDN${mrzName({ primary: "O'Neil-Bria", secondary: 'Maria Goreti' })}`);
    expect(line1.slice(5)).toBe('ONEIL<BRIA<<MARIA<GORETI'.padEnd(39, '<'));
    const yymmdd = (d: string) => d.slice(2).replaceAll('-', '');
    expect(line2.slice(0, 9)).toBe(`${n1}<`);
    expect(line2[9]).toBe(checkDigit(line2.slice(0, 9)));
    expect(line2.slice(10, 13)).toBe('IDN');
    expect(line2.slice(13, 19)).toBe('880314');
    expect(line2[19]).toBe(checkDigit('880314'));
    expect(line2[20]).toBe('F');
    expect(line2.slice(21, 27)).toBe(yymmdd(expiryDate));
    expect(line2[27]).toBe(checkDigit(line2.slice(21, 27)));
    // No NIK in the optional data: 16 digits do not fit 14 positions.
    expect(line2.slice(28, 42)).toBe('<'.repeat(14));
    expect(line2[42]).toBe('0');
    expect(line2[43]).toBe(checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43)));

    // Another unit counts in another block: the numbers never meet.
    const other = await desk(1);
    const r3 = await act(other.officer, (await other.makeHeld('approved')).id, { type: 'print' });
    const block = (n: string) => Math.floor(Number(n.slice(1)) / numberSeries.poolBlockSize);
    expect(block(r3.action.payload.passportNumber as string)).not.toBe(block(n1));
  });

  it('refuses to print without a blank book, changing nothing', async () => {
    const { unit, officer, makeHeld } = await desk(1);
    await act(officer, (await makeHeld('approved')).id, { type: 'print' });
    const [series] = await ctx.db.select().from(passportSeries).where(eq(passportSeries.unitCode, unit.code));
    const c = await makeHeld('approved');
    const actions = await ctx.db.$count(applicationActions, eq(applicationActions.applicationId, c.id));
    expect(await refusal(act(officer, c.id, { type: 'print' }))).toBe('no_blank_books');
    expect(await stockOf(unit.code, 'elektronik')).toBe(0);
    expect((await ctx.db.select().from(passportSeries).where(eq(passportSeries.unitCode, unit.code)))[0]).toEqual(
      series,
    );
    expect(await statusOf(c.id)).toMatchObject({ status: 'approved' });
    expect(await passportOf(c.id)).toEqual([]);
    expect(await ctx.db.$count(applicationActions, eq(applicationActions.applicationId, c.id))).toBe(actions);
    expect(await ctx.db.$count(bookMovements, eq(bookMovements.unitCode, unit.code))).toBe(1);
    // A type the unit never stocked is refused the same way.
    expect(
      await refusal(
        act(
          officer,
          (await makeHeld('approved', { passportType: 'biasa', feeItems: [{ item: 'biasa_10y', amount: 650_000 }] }))
            .id,
          { type: 'print' },
        ),
      ),
    ).toBe('no_blank_books');
  });

  it('quality check passed: ready, the applicant mailed, the void job queued for 30 days on', async () => {
    const { unit, officer, makeHeld } = await desk();
    const c = await makeHeld('approved');
    const number = (await act(officer, c.id, { type: 'print' })).action.payload.passportNumber as string;
    const at = new Date();
    const result = await act(officer, c.id, { type: 'quality_check', passed: true }, at);
    expect(result).toMatchObject({ status: 'ready', action: { payload: { passportNumber: number, passed: true } } });
    const [p] = await passportOf(c.id);
    expect(p).toMatchObject({ status: 'ready', readyAt: at });

    const mails = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${c.email}`));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.payload as { subject: string; text: string };
    expect(mail.subject).toContain(c.trackingCode);
    expect(mail.text).toContain(number);
    expect(mail.text).toContain(unit.name);
    expect(mail.text).toContain('Senin: 08:00–16:00 WITA');
    expect(mail.text).toContain('si Koe TOS');
    expect(mail.text).toContain(`${ctx.config.publicUrl}/applications/${c.id}/saturday-pickup`);
    expect(mail.text).toContain(`${ctx.config.publicUrl}/track`);

    const voidJobs = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, VOID_JOB), sql`${jobs.payload}->>'passportNumber' = ${number}`));
    expect(voidJobs.map((j) => j.runAt.getTime())).toEqual([at.getTime() + UNCOLLECTED_DAYS * DAY]);
  });

  it('quality check failed: the book is spoiled, the case goes back to approved and prints again with a new number', async () => {
    const { unit, officer, makeHeld } = await desk(2);
    const c = await makeHeld('approved');
    const first = (await act(officer, c.id, { type: 'print' })).action.payload.passportNumber as string;
    const failed = await act(officer, c.id, {
      type: 'quality_check',
      passed: false,
      reason: 'Foto bergeser saat laminasi',
    });
    expect(failed).toMatchObject({ status: 'approved', holderId: officer.id });
    const [spoiled] = await ctx.db
      .select()
      .from(bookMovements)
      .where(and(eq(bookMovements.unitCode, unit.code), eq(bookMovements.kind, 'spoiled')));
    expect(spoiled).toMatchObject({
      passportNumber: first,
      quantity: 0,
      note: 'Foto bergeser saat laminasi',
      applicationId: c.id,
    });
    expect(await stockOf(unit.code, 'elektronik')).toBe(1);

    const second = (await act(officer, c.id, { type: 'print' })).action.payload.passportNumber as string;
    expect(Number(second.slice(1))).toBe(Number(first.slice(1)) + 1);
    expect((await passportOf(c.id)).map((p) => [p.number, p.status])).toEqual([
      [first, 'cancelled'],
      [second, 'printed'],
    ]);
    expect(await stockOf(unit.code, 'elektronik')).toBe(0);
  });

  it('hands over to the applicant, cancelling the lost passport with its charge', async () => {
    const { officer, makeHeld } = await desk();
    const old = `B${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const c = await makeHeld('approved', {
      kind: 'lost',
      oldPassportNumber: old,
      feeTotal: 1_950_000,
      feeItems: [
        { item: 'elektronik_10y', amount: 950_000 },
        { item: 'lost', amount: 1_000_000 },
      ],
    });
    await act(officer, c.id, { type: 'print' });
    await act(officer, c.id, { type: 'quality_check', passed: true });
    const done = await act(officer, c.id, { type: 'hand_over', identityChecked: true, recipient: 'applicant' });
    expect(done).toMatchObject({
      status: 'handed_over',
      holderId: null,
      action: { payload: { recipient: 'applicant', oldPassport: { number: old, reason: 'lost', charge: 1_000_000 } } },
    });
    expect(await statusOf(c.id)).toEqual({ status: 'handed_over', holderId: null });
    const [p] = await passportOf(c.id);
    expect(p!.status).toBe('handed_over');
    expect(p!.handedOverAt).toBeInstanceOf(Date);
    expect(await ctx.db.select().from(cancelledPassports).where(eq(cancelledPassports.number, old))).toMatchObject([
      { applicationId: c.id, reason: 'lost', charge: 1_000_000, recordedBy: officer.id },
    ]);

    // A damaged passport whose fee had no damage charge is cancelled at 0; a first passport cancels nothing.
    const oldDamaged = `B${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const damaged = await makeHeld('ready', { kind: 'damaged', oldPassportNumber: oldDamaged });
    await ctx.db.insert(passports).values({
      ...(await passportOf(c.id))[0]!,
      number: `Z${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      applicationId: damaged.id,
      status: 'ready',
    });
    await act(officer, damaged.id, { type: 'hand_over', identityChecked: true, recipient: 'applicant' });
    expect(
      await ctx.db
        .select({ charge: cancelledPassports.charge })
        .from(cancelledPassports)
        .where(eq(cancelledPassports.number, oldDamaged)),
    ).toEqual([{ charge: 0 }]);
  });

  it('hands over to a proxy only with a power of attorney uploaded', async () => {
    const { officer, makeHeld } = await desk();
    const c = await makeHeld('approved');
    await act(officer, c.id, { type: 'print' });
    await act(officer, c.id, { type: 'quality_check', passed: true });
    const proxy = { name: 'Yakobus Ndun', nik: '5371010101800001', powerOfAttorneyNumber: 'SK-12/2026' };
    expect(
      await refusal(act(officer, c.id, { type: 'hand_over', identityChecked: true, recipient: 'proxy', proxy })),
    ).toBe('validation_failed');
    expect(await statusOf(c.id)).toMatchObject({ status: 'ready' });
    expect((await passportOf(c.id))[0]!.status).toBe('ready');

    await ctx.db.insert(applicationDocuments).values({
      applicationId: c.id,
      kind: 'power_of_attorney',
      storageKey: `test/${c.id}`,
      mediaType: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
    });
    const done = await act(officer, c.id, { type: 'hand_over', identityChecked: true, recipient: 'proxy', proxy });
    expect(done).toMatchObject({ status: 'handed_over', action: { payload: { recipient: 'proxy', proxy } } });
    expect(await ctx.db.$count(cancelledPassports, eq(cancelledPassports.applicationId, c.id))).toBe(0);
  });

  it('voids a passport still uncollected 30 days after it was ready, not before, and leaves a handed-over one', async () => {
    const { officer, makeHeld } = await desk();
    const c = await makeHeld('approved');
    const number = (await act(officer, c.id, { type: 'print' })).action.payload.passportNumber as string;
    const readyAt = new Date(Date.now() - 10 * DAY);
    await act(officer, c.id, { type: 'quality_check', passed: true }, readyAt);

    const at = (days: number) => new Date(readyAt.getTime() + days * DAY);
    expect(await ctx.db.transaction((tx) => voidUncollected(tx, number, at(UNCOLLECTED_DAYS - 0.01)))).toEqual({
      voided: false,
    });
    expect((await passportOf(c.id))[0]!.status).toBe('ready');
    expect(await ctx.db.transaction((tx) => voidUncollected(tx, number, at(UNCOLLECTED_DAYS)))).toEqual({
      voided: true,
    });
    expect((await passportOf(c.id))[0]!.status).toBe('void');
    expect(await statusOf(c.id)).toEqual({ status: 'void', holderId: null });
    const [last] = await ctx.db
      .select()
      .from(applicationActions)
      .where(eq(applicationActions.applicationId, c.id))
      .orderBy(sql`${applicationActions.id} desc`)
      .limit(1);
    expect(last).toMatchObject({ type: 'void', actorId: null, payload: { status: 'void', passportNumber: number } });
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.action, 'passport.void'), eq(auditLog.targetId, number))),
    ).toBe(1);
    expect(await ctx.db.transaction((tx) => voidUncollected(tx, number, at(60)))).toEqual({ voided: false });

    const collected = await makeHeld('approved');
    const kept = (await act(officer, collected.id, { type: 'print' })).action.payload.passportNumber as string;
    await act(officer, collected.id, { type: 'quality_check', passed: true }, readyAt);
    await act(officer, collected.id, { type: 'hand_over', identityChecked: true, recipient: 'applicant' });
    // The queued job itself, made due: it finds the passport handed over and does nothing.
    await ctx.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(and(eq(jobs.kind, VOID_JOB), sql`${jobs.payload}->>'passportNumber' = ${kept}`));
    await ctx.app.deps.jobs.runDue();
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, VOID_JOB), sql`${jobs.payload}->>'passportNumber' = ${kept}`));
    expect(job!.doneAt).toBeInstanceOf(Date);
    expect((await passportOf(collected.id))[0]!.status).toBe('handed_over');
    expect(await statusOf(collected.id)).toMatchObject({ status: 'handed_over' });
  });

  it('runs the queued void job once it is due', async () => {
    const { officer, makeHeld } = await desk();
    const c = await makeHeld('approved');
    const number = (await act(officer, c.id, { type: 'print' })).action.payload.passportNumber as string;
    await act(
      officer,
      c.id,
      { type: 'quality_check', passed: true },
      new Date(Date.now() - (UNCOLLECTED_DAYS + 1) * DAY),
    );
    const due = and(eq(jobs.kind, VOID_JOB), sql`${jobs.payload}->>'passportNumber' = ${number}`);
    expect((await ctx.db.select().from(jobs).where(due))[0]!.runAt.getTime()).toBeLessThan(Date.now());
    await ctx.app.deps.jobs.runDue();
    expect((await passportOf(c.id))[0]!.status).toBe('void');
    expect(await statusOf(c.id)).toMatchObject({ status: 'void' });
  });
});
