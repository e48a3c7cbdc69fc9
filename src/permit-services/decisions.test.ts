import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit } from '../../test/factories.ts';
import { paidForByPurpose } from '../billing-purposes.ts';
import { recordPayment } from '../payments/record-payment.ts';
import { billings } from '../payments/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { getStayPermit } from '../stay-permits/get-stay-permit.ts';
import { listPermitsOfForeigner } from '../stay-permits/list-permits-of-foreigner.ts';
import { callerAs } from '../stay-permits/test-support.ts';
import { bookBiometrics, biometricsDays } from './book-biometrics.ts';
import { decideApplication } from './decide-application.ts';
import { fileApplication } from './file-application.ts';
import { getPermitApplication } from './get-application.ts';
import { listWorkQueue } from './list-work-queue.ts';
import type { PermitService } from './schema.ts';
import { makeSponsoredPermit } from './test-support.ts';
import { verifyApplication } from './verify-application.ts';
import { withdrawApplication } from './withdraw-application.ts';

describeDb('stay permit service decisions', (ctx) => {
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: unknown) => (err instanceof AppError ? err.code : String(err)),
    );
  const payFor = (code: string) =>
    ctx.db.transaction((tx) => recordPayment(tx, systemCaller('test'), { code }, paidForByPurpose));
  /** Files, pays (when there is a fee), books a visit (when the service takes one) and verifies. */
  async function verified(member: Account, service: PermitService, permitId: string, unitCode = 'KANIM-KUPANG') {
    const application = await ctx.db.transaction((tx) => fileApplication(tx, callerAs(member), { service, permitId }));
    if (application.billingCode) await payFor(application.billingCode);
    const paid = await getPermitApplication(ctx.db, application.id);
    if (paid.status === 'paid' && service !== 'cancellation' && service !== 'epo') {
      const [day] = await biometricsDays(ctx.db, unitCode, witaDate());
      await ctx.db.transaction((tx) => bookBiometrics(tx, callerAs(member), { applicationId: paid.id, date: day! }));
    }
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode });
    await ctx.db.transaction((tx) => verifyApplication(tx, callerAs(verifier), { applicationId: application.id }));
    return application;
  }
  const approve = async (applicationId: string, unitCode = 'KANIM-KUPANG') => {
    const adjudicator = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode });
    return ctx.db.transaction((tx) =>
      decideApplication(tx, callerAs(adjudicator), { applicationId, decision: 'approve' }),
    );
  };

  it('applies each decision through stay-permits: alih status, EPO, a free cancellation', async () => {
    const member = await makeCitizen(ctx.db);
    const itk = await makeSponsoredPermit(ctx.db, member, { daysLeft: 45 });
    const change = await verified(member, 'itk_to_itas', itk.id);
    expect((await approve(change.id)).grantUntil).toBe(addDays(witaDate(), 364));
    expect((await getStayPermit(ctx.db, itk.id)).status).toBe('converted');
    const permits = await listPermitsOfForeigner(ctx.db, itk.foreignerId);
    expect(permits.find((p) => p.previousPermitId === itk.id)).toMatchObject({ type: 'itas', status: 'active' });

    const itas = await makeSponsoredPermit(ctx.db, member, {
      type: 'itas',
      entryBasis: 'limited_stay_visa',
      daysLeft: 200,
    });
    const epo = await verified(member, 'epo', itas.id);
    await approve(epo.id);
    expect(await getStayPermit(ctx.db, itas.id)).toMatchObject({ status: 'ended', validUntil: addDays(witaDate(), 7) });

    const other = await makeSponsoredPermit(ctx.db, member, {
      type: 'itas',
      entryBasis: 'limited_stay_visa',
      daysLeft: 200,
    });
    const cancel = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'cancellation', permitId: other.id, reason: 'Kontrak selesai' }),
    );
    expect(cancel).toMatchObject({ status: 'paid', feeAmount: 0, billingCode: null });
    expect(cancel.dueOn! > witaDate()).toBe(true);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier' });
    await ctx.db.transaction((tx) => verifyApplication(tx, callerAs(verifier), { applicationId: cancel.id }));
    await approve(cancel.id);
    expect((await getStayPermit(ctx.db, other.id)).status).toBe('cancelled');
  });

  it('shields a permit by the day the bank was paid, even when the notice comes after the permit ended', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 31 });
    const filed = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'itk_to_itas', permitId: permit.id }),
    );
    const paidAt = new Date();
    const noticeAt = new Date(Date.now() + 40 * 86_400_000);
    await ctx.db.transaction((tx) =>
      recordPayment(tx, systemCaller('test'), { code: filed.billingCode!, paidAt }, paidForByPurpose, noticeAt),
    );
    expect((await getStayPermit(ctx.db, permit.id)).pendingChangePaidOn).toBe(witaDate(paidAt));
    expect((await getPermitApplication(ctx.db, filed.id)).paidOn).toBe(witaDate(paidAt));
  });

  it('lets the applicant withdraw a paid alih status, which stops shielding the permit', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 35 });
    const filed = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'itk_to_itas', permitId: permit.id }),
    );
    await payFor(filed.billingCode!);
    expect((await getStayPermit(ctx.db, permit.id)).pendingChangePaidOn).toBe(witaDate());
    const stranger = await makeCitizen(ctx.db);
    expect(
      await refusal(
        ctx.db.transaction((tx) => withdrawApplication(tx, callerAs(stranger), { applicationId: filed.id })),
      ),
    ).toBe('not_found');
    await ctx.db.transaction((tx) => withdrawApplication(tx, callerAs(member), { applicationId: filed.id }));
    expect((await getPermitApplication(ctx.db, filed.id)).status).toBe('withdrawn');
    expect((await getStayPermit(ctx.db, permit.id)).pendingChangePaidOn).toBeNull();
  });

  it('keeps officers to their unit and to their step, changing nothing when refused', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5 });
    const application = await verified(member, 'itk_extension', permit.id);
    const maumere = await makeOfficer(ctx.db, { role: 'adjudicator', unitCode: 'KANIM-MAUMERE' });
    const counter = await makeOfficer(ctx.db, { role: 'counter_officer' });
    for (const officer of [maumere, counter])
      expect(
        await refusal(
          ctx.db.transaction((tx) =>
            decideApplication(tx, callerAs(officer), { applicationId: application.id, decision: 'approve' }),
          ),
        ),
      ).toBe('forbidden');
    expect((await getPermitApplication(ctx.db, application.id)).status).toBe('verified');
    expect((await getStayPermit(ctx.db, permit.id)).validUntil).toBe(permit.validUntil);
  });

  it('refuses the payment of a withdrawn application', async () => {
    const member = await makeCitizen(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5 });
    const filed = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'itk_extension', permitId: permit.id }),
    );
    await ctx.db.transaction((tx) => withdrawApplication(tx, callerAs(member), { applicationId: filed.id }));
    expect(await refusal(payFor(filed.billingCode!))).toBe('invalid_transition');
    const [billing] = await ctx.db.select().from(billings).where(eq(billings.code, filed.billingCode!));
    expect(billing!.paidAt).toBeNull();
  });

  it('shows the unit its open applications with the SLA date in working days, overdue once it has passed', async () => {
    const member = await makeCitizen(ctx.db);
    const unit = await makeUnit(ctx.db);
    const permit = await makeSponsoredPermit(ctx.db, member, { daysLeft: 5, unitCode: unit.code });
    const filed = await ctx.db.transaction((tx) =>
      fileApplication(tx, callerAs(member), { service: 'itk_extension', permitId: permit.id }),
    );
    await payFor(filed.billingCode!);
    const head = callerAs(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code }));
    const [row] = await listWorkQueue(ctx.db, head);
    expect(row).toMatchObject({ id: filed.id, overdue: false, workingDaysLeft: 2 });
    const later = new Date(Date.now() + 10 * 86_400_000);
    expect((await listWorkQueue(ctx.db, head, later))[0]).toMatchObject({ overdue: true, workingDaysLeft: 0 });
    const elsewhere = callerAs(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }));
    expect((await listWorkQueue(ctx.db, elsewhere)).map((r) => r.id)).not.toContain(filed.id);
  });
});
