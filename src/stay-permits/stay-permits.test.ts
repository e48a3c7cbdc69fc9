import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { travelDocuments } from '../foreigners/schema.ts';
import { makeForeigner, makeTravelDocument } from '../foreigners/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { describeDb } from '../../test/db.ts';
import { makeCitizen, makeOfficer } from '../../test/factories.ts';
import { cancelStayPermit } from './cancel-stay-permit.ts';
import { clearChangePaid } from './clear-change-paid.ts';
import { convertStayPermit } from './convert-stay-permit.ts';
import { endStayPermit } from './end-stay-permit.ts';
import { extendStayPermit } from './extend-stay-permit.ts';
import { getStayPermit } from './get-stay-permit.ts';
import { grantStayPermit, type GrantStayPermitInput } from './grant-stay-permit.ts';
import { listPermitsOfForeigner } from './list-permits-of-foreigner.ts';
import { listPermitsOfSponsor } from './list-permits-of-sponsor.ts';
import { markChangePaid } from './mark-change-paid.ts';
import { permitHistory } from './permit-actions.ts';
import { stayPermits } from './schema.ts';
import { callerAs, makeSponsor, makeStayPermit } from './test-support.ts';

const today = witaDate();

describeDb('stay permits: the use cases other features call', (ctx) => {
  const permitsOf = (foreignerId: string) => ctx.db.$count(stayPermits, eq(stayPermits.foreignerId, foreignerId));
  const auditsOf = (id: string) => ctx.db.$count(auditLog, eq(auditLog.targetId, id));
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { code: string; fields?: Record<string, string> }) => ({ code: e.code, fields: e.fields }),
    );
  const grant = async (input: Partial<GrantStayPermitInput>, officer?: Parameters<typeof callerAs>[0]) => {
    const by = officer ?? (await makeOfficer(ctx.db, { role: 'counter_officer' }));
    return ctx.db.transaction((tx) =>
      grantStayPermit(tx, callerAs(by), {
        foreigner: makeTravelDocument(),
        type: 'itk',
        entryBasis: 'visa_free',
        entryDate: today,
        validFrom: today,
        validUntil: addDays(today, 29),
        unitCode: 'KANIM-KUPANG',
        ...input,
      }),
    );
  };

  it('records a permit with its foreigner, history and audit entry, once per request id', async () => {
    const doc = makeTravelDocument();
    const permit = await grant({
      foreigner: doc,
      permitNumber: `ITK-${doc.documentNumber}`,
      requestId: `g-${doc.documentNumber}`,
    });
    expect(permit).toMatchObject({ type: 'itk', status: 'active', extensions: 0, sponsorId: null });
    const again = await grant({
      foreigner: doc,
      permitNumber: `ITK-${doc.documentNumber}`,
      requestId: `g-${doc.documentNumber}`,
    });
    expect(again.id).toBe(permit.id);
    expect(await permitsOf(permit.foreignerId)).toBe(1);
    expect((await permitHistory(ctx.db, permit.id)).map((h) => h.type)).toEqual(['granted']);
    expect(await auditsOf(permit.id)).toBe(1);
    expect((await listPermitsOfForeigner(ctx.db, permit.foreignerId)).map((p) => p.id)).toEqual([permit.id]);
  });

  it('refuses what breaks the rules, all at once, and records nothing', async () => {
    const doc = makeTravelDocument();
    const pending = await makeSponsor(ctx.db, { status: 'pending' });
    const refused = await refusal(
      grant({
        foreigner: doc,
        type: 'itas',
        entryBasis: 'voa',
        entryDate: addDays(today, 1),
        validUntil: addDays(today, -1),
        sponsorId: pending.id,
      }),
    );
    expect(refused).toEqual({
      code: 'validation_failed',
      fields: {
        validUntil: 'stayPermits.v.untilBeforeFrom',
        entryDate: 'stayPermits.v.entryAfterFrom',
        entryBasis: 'stayPermits.v.basisForType',
        sponsorId: 'stayPermits.v.sponsorUnverified',
      },
    });
    expect(await ctx.db.$count(travelDocuments, eq(travelDocuments.number, doc.documentNumber))).toBe(0);
  });

  it('needs a sponsor except where the dated exemptions say, and takes a responsible person instead', async () => {
    const sponsor = await makeSponsor(ctx.db);
    expect(await refusal(grant({ type: 'itas', entryBasis: 'limited_stay_visa' }))).toEqual({
      code: 'validation_failed',
      fields: { sponsorId: 'stayPermits.v.sponsorRequired' },
    });
    expect(await refusal(grant({ type: 'itk', entryBasis: 'visit_visa' }))).toMatchObject({
      fields: { sponsorId: 'stayPermits.v.sponsorRequired' },
    });
    expect(
      await refusal(grant({ type: 'itk', entryBasis: 'visit_visa', sponsorId: sponsor.id, responsiblePerson: 'Ana' })),
    ).toMatchObject({ fields: { responsiblePerson: 'stayPermits.v.sponsorOrResponsible' } });
    expect((await grant({ type: 'itk', entryBasis: 'voa' })).sponsorId).toBeNull();
    expect((await grant({ type: 'golden_visa', entryBasis: 'limited_stay_visa' })).sponsorId).toBeNull();
    const married = await grant({ type: 'itas', entryBasis: 'limited_stay_visa', responsiblePerson: 'Yohana Bria' });
    expect(married.responsiblePerson).toBe('Yohana Bria');
    const sponsored = await grant({ type: 'itas', entryBasis: 'limited_stay_visa', sponsorId: sponsor.id });
    expect((await listPermitsOfSponsor(ctx.db, sponsor.id)).map((p) => p.id)).toEqual([sponsored.id]);
  });

  it('refuses an officer of another unit, a citizen and an admin, and an overlapping active permit', async () => {
    const foreigner = await makeForeigner(ctx.db);
    for (const by of [
      await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-MAUMERE' }),
      await makeOfficer(ctx.db, { role: 'admin' }),
      await makeCitizen(ctx.db),
    ])
      expect(await refusal(grant({ foreigner: { foreignerId: foreigner.id } }, by))).toMatchObject({
        code: 'forbidden',
      });
    await grant({ foreigner: { foreignerId: foreigner.id } });
    expect(await refusal(grant({ foreigner: { foreignerId: foreigner.id }, validFrom: addDays(today, 5) }))).toEqual({
      code: 'validation_failed',
      fields: { validFrom: 'stayPermits.v.overlaps' },
    });
    expect(await permitsOf(foreigner.id)).toBe(1);
  });

  it('extends, marks and clears a paid change, ends by EPO and cancels, each once, with history and audit', async () => {
    const officer = callerAs(await makeOfficer(ctx.db, { role: 'adjudicator' }));
    const permit = await makeStayPermit(ctx.db);
    const tx = <T>(f: Parameters<typeof ctx.db.transaction<T>>[0]) => ctx.db.transaction(f);
    const extended = await tx((t) =>
      extendStayPermit(t, officer, {
        permitId: permit.id,
        validUntil: addDays(permit.validUntil, 90),
        requestId: 'e1',
      }),
    );
    expect(extended).toMatchObject({ validUntil: addDays(permit.validUntil, 90), extensions: 1 });
    await tx((t) =>
      extendStayPermit(t, officer, {
        permitId: permit.id,
        validUntil: addDays(permit.validUntil, 180),
        requestId: 'e1',
      }),
    );
    expect((await getStayPermit(ctx.db, permit.id)).extensions).toBe(1);
    expect(
      await refusal(tx((t) => extendStayPermit(t, officer, { permitId: permit.id, validUntil: permit.validUntil }))),
    ).toMatchObject({ fields: { validUntil: 'stayPermits.v.extendLater' } });

    expect(
      await refusal(
        tx((t) => markChangePaid(t, officer, { permitId: permit.id, paidOn: addDays(extended.validUntil, 1) })),
      ),
    ).toMatchObject({ fields: { paidOn: 'stayPermits.v.paidAfterEnd' } });
    expect(
      (await tx((t) => markChangePaid(t, officer, { permitId: permit.id, paidOn: today }))).pendingChangePaidOn,
    ).toBe(today);
    expect((await tx((t) => clearChangePaid(t, officer, { permitId: permit.id }))).pendingChangePaidOn).toBeNull();

    const ended = await tx((t) => endStayPermit(t, officer, { permitId: permit.id, leaveBy: addDays(today, 7) }));
    expect(ended).toMatchObject({ status: 'ended', validUntil: addDays(today, 7) });
    expect(await refusal(tx((t) => cancelStayPermit(t, officer, { permitId: permit.id, reason: 'x' })))).toMatchObject({
      code: 'invalid_transition',
    });
    expect((await permitHistory(ctx.db, permit.id)).map((h) => h.type)).toEqual([
      'granted',
      'extended',
      'change_paid',
      'change_cleared',
      'ended',
    ]);
    expect(await auditsOf(permit.id)).toBe(4);

    const other = await makeStayPermit(ctx.db);
    const cancelled = await tx((t) =>
      cancelStayPermit(t, officer, { permitId: other.id, reason: 'Pekerjaan berakhir' }),
    );
    expect(cancelled.status).toBe('cancelled');
  });

  it('converts a visit permit to a limited one (not from VoA), keeping the sponsor, once per request id', async () => {
    const officer = callerAs(await makeOfficer(ctx.db, { role: 'adjudicator' }));
    const sponsor = await makeSponsor(ctx.db);
    const itk = await makeStayPermit(ctx.db, { type: 'itk', entryBasis: 'visit_visa', sponsorId: sponsor.id });
    const input = {
      permitId: itk.id,
      type: 'itas' as const,
      validFrom: addDays(today, 10),
      validUntil: addDays(today, 375),
      requestId: `c-${itk.id}`,
    };
    const { previous, permit } = await ctx.db.transaction((tx) => convertStayPermit(tx, officer, input));
    expect(previous.status).toBe('converted');
    expect(permit).toMatchObject({
      type: 'itas',
      entryBasis: 'conversion',
      previousPermitId: itk.id,
      sponsorId: sponsor.id,
    });
    const again = await ctx.db.transaction((tx) => convertStayPermit(tx, officer, input));
    expect(again.permit.id).toBe(permit.id);
    expect(await permitsOf(itk.foreignerId)).toBe(2);

    const voa = await makeStayPermit(ctx.db, { type: 'itk', entryBasis: 'voa' });
    expect(
      await refusal(
        ctx.db.transaction((tx) => convertStayPermit(tx, officer, { ...input, permitId: voa.id, requestId: null })),
      ),
    ).toEqual({
      code: 'validation_failed',
      fields: { type: 'stayPermits.v.notConvertible' },
    });
    expect((await getStayPermit(ctx.db, voa.id)).status).toBe('active');
    expect(await permitsOf(voa.foreignerId)).toBe(1);
  });

  it('takes changes only from an officer or the system, and finds no permit that is not there', async () => {
    const permit = await makeStayPermit(ctx.db);
    const citizen = callerAs(await makeCitizen(ctx.db));
    expect(
      await refusal(ctx.db.transaction((tx) => cancelStayPermit(tx, citizen, { permitId: permit.id, reason: 'x' }))),
    ).toMatchObject({
      code: 'forbidden',
    });
    const system = systemCaller('test');
    expect(
      await refusal(
        ctx.db.transaction((tx) => cancelStayPermit(tx, system, { permitId: crypto.randomUUID(), reason: 'x' })),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(await ctx.db.$count(stayPermits, and(eq(stayPermits.id, permit.id), eq(stayPermits.status, 'active')))).toBe(
      1,
    );
  });
});
