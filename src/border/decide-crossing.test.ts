import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeOfficer } from '../../test/factories.ts';
import { auditFor } from '../accounts/test-support.ts';
import { makeBorderPass } from '../border-passes/test-support.ts';
import { arrivals, departures, travelDocuments } from '../foreigners/schema.ts';
import { makeForeigner, makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { makeStay } from '../lodgings/oversight-test-support.ts';
import { stays } from '../lodgings/schema.ts';
import { makeLodging } from '../lodgings/test-support.ts';
import { scanOverstays } from '../overstays/scan-overstays.ts';
import { makeStayPermit, overstayOf } from '../overstays/test-support.ts';
import { findLapsedPermit } from '../stay-permits/find-lapsed-permit.ts';
import { stayPermits } from '../stay-permits/schema.ts';
import { toActor } from '../platform/auth/sessions.ts';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import { makeBanEntry } from '../watchlist/test-support.ts';
import { decideCrossing } from './decide-crossing.ts';
import { crossingActions, crossingDailyCounts, crossings } from './schema.ts';
import { makeDesk, postCrossing, postDecision } from './test-support.ts';

/** Birth dates from 1940 on, one per person, where no other test of this file's features puts people. */
const born = birthDatesFrom(1940);

describeApp('secondary inspection and what a crossing changes', (ctx) => {
  const today = witaDate();
  const countOf = async (pointCode: string) =>
    (await ctx.db.select().from(crossingDailyCounts).where(eq(crossingDailyCounts.pointCode, pointCode))).reduce(
      (n, r) => n + r.count,
      0,
    );

  /** A foreigner on the entry-ban list arriving: held red. */
  async function heldArrival(desk: Awaited<ReturnType<typeof makeDesk>>) {
    const doc = makeTravelDocument({ nationality: 'TLS', issuingState: 'TLS', birthDate: born() });
    await makeBanEntry(ctx.db, {
      list: 'entry',
      fullName: `${doc.givenNames} ${doc.surname}`,
      nationality: 'TLS',
      documentNumber: doc.documentNumber,
      birthDate: doc.birthDate,
    });
    const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'arrival',
      scan: mrzOf(doc),
    });
    expect(res.body).toMatchObject({ verdict: 'red', status: 'held', reasons: [{ code: 'ban_match' }] });
    return { doc, id: res.body.id };
  }

  it('lets the supervisor allow a held crossing with a reason: counted then, resend harmless, audited', async () => {
    const desk = await makeDesk(ctx.db);
    const { id, doc } = await heldArrival(desk);
    const decision = {
      step: 'allow',
      reason: 'Bukan orang yang dimaksud (foto berbeda)',
      requestId: crypto.randomUUID(),
    };
    const allowed = await postDecision(ctx.app, desk.supervisorToken, id, decision);
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body.status).toBe('allowed');
    expect((await postDecision(ctx.app, desk.supervisorToken, id, decision)).status).toBe(200);
    const history = await ctx.db.select().from(crossingActions).where(eq(crossingActions.crossingId, id));
    expect(history.map((h) => h.type).sort()).toEqual(['allowed', 'recorded']);
    expect(await countOf(desk.point.code)).toBe(1);
    expect(await auditFor(ctx.db, id, 'crossing.allowed')).toHaveLength(1);
    // The traveller is no longer held: the desk takes them again.
    const next = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(doc),
    });
    expect(next.status).toBe(201);
  });

  it('refuses: nothing but the status and history change; a second decision and the desk officer are refused', async () => {
    const desk = await makeDesk(ctx.db);
    const { id } = await heldArrival(desk);
    const own = await postDecision(ctx.app, desk.officerToken, id, { step: 'allow', reason: 'Saya sendiri' });
    expect(own.status).toBe(403);
    const selfSupervisor = await makeDesk(ctx.db);
    const ownHeld = await heldArrival({ ...selfSupervisor, officerToken: selfSupervisor.supervisorToken });
    const fourEyes = await postDecision(ctx.app, selfSupervisor.supervisorToken, ownHeld.id, {
      step: 'allow',
      reason: 'x',
    });
    expect(fourEyes.body.error?.code).toBe('four_eyes_required');
    const noAgency = await postDecision(ctx.app, desk.supervisorToken, id, { step: 'hand_over', reason: 'DPO polisi' });
    expect(noAgency.body.error?.fields).toHaveProperty('agency');
    const refused = await postDecision(ctx.app, desk.supervisorToken, id, {
      step: 'refuse',
      reason: 'Penangkalan berlaku',
    });
    expect(refused.body.status).toBe('refused');
    const again = await postDecision(ctx.app, desk.supervisorToken, id, { step: 'allow', reason: 'Berubah pikiran' });
    expect(again.body.error?.code).toBe('invalid_transition');
    expect(await countOf(desk.point.code)).toBe(0);
    const [row] = await ctx.db.select().from(crossings).where(eq(crossings.id, id));
    expect(row).toMatchObject({ status: 'refused', verdict: 'red' });
  });

  it('an allowed crossing happens on the day it is allowed: held at 23:50 WITA, allowed at 00:10, counted the next day', async () => {
    const desk = await makeDesk(ctx.db);
    const [heldOn, allowedOn] = [addDays(today, -2), addDays(today, -1)];
    /** The held crossing moved back to 23:50 WITA two days ago, then allowed by the supervisor at 00:10 the day after. */
    const allowAfterMidnight = async (id: string) => {
      const heldAt = witaInstant(heldOn, '23:50');
      await ctx.db
        .update(crossings)
        .set({ crossedOn: heldOn, recordedAt: heldAt, statusAt: heldAt })
        .where(eq(crossings.id, id));
      const caller = { actor: toActor(desk.supervisor, 'session', true) };
      const decided = await ctx.db.transaction((tx) =>
        decideCrossing(
          tx,
          caller,
          { crossingId: id, step: 'allow', reason: 'Diperiksa' },
          witaInstant(allowedOn, '00:10'),
        ),
      );
      expect(decided.status).toBe('allowed');
    };
    const countOn = async (day: string) =>
      (
        await ctx.db
          .select()
          .from(crossingDailyCounts)
          .where(and(eq(crossingDailyCounts.pointCode, desk.point.code), eq(crossingDailyCounts.day, day)))
      ).reduce((n, r) => n + r.count, 0);

    // A foreigner on the entry-ban list coming in: the arrival is the decision's day.
    const arrival = await heldArrival(desk);
    await allowAfterMidnight(arrival.id);
    const [crossed] = await ctx.db.select().from(crossings).where(eq(crossings.id, arrival.id));
    expect(await ctx.db.select().from(arrivals).where(eq(arrivals.foreignerId, crossed!.foreignerId!))).toMatchObject([
      { arrivedOn: allowedOn },
    ]);

    // A foreigner whose permit ended leaving: the departure, and the overstay it closes, are the decision's day.
    const { permitId, foreignerId } = await makeStayPermit(ctx.db, {
      validUntil: addDays(today, -5),
      entryDate: addDays(today, -40),
    });
    const [doc] = await ctx.db.select().from(travelDocuments).where(eq(travelDocuments.foreignerId, foreignerId));
    const departure = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      documentNumber: doc!.number,
      nationality: doc!.nationality,
      fullName: 'Overstay Person',
      birthDate: doc!.birthDate,
      expiresOn: addDays(today, 400),
    });
    expect(departure.body).toMatchObject({ status: 'held' });
    // The overstay as the scan found it on the day of the hold.
    await ctx.db.transaction((tx) => scanOverstays(tx, heldOn));
    await allowAfterMidnight(departure.body.id);
    expect(await ctx.db.select().from(departures).where(eq(departures.foreignerId, foreignerId))).toMatchObject([
      { departedOn: allowedOn },
    ]);
    expect((await overstayOf(ctx.db, permitId))!.departedOn).toBe(allowedOn);
    expect([await countOn(heldOn), await countOn(allowedOn)]).toEqual([0, 2]);
  });

  it('a foreigner leaving closes their lodging stays; one whose permit ended is held with the charge shown, then allowed', async () => {
    const desk = await makeDesk(ctx.db);
    const { lodging } = await makeLodging(ctx.db);
    // In time: the stay is checked out by the departure.
    const visitor = await makeForeigner(ctx.db, { birthDate: born() });
    const stay = await makeStay(ctx.db, lodging, {
      foreignerId: visitor.id,
      documentNumber: visitor.doc.documentNumber,
    });
    const green = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      scan: mrzOf(visitor.doc),
    });
    expect(green.body.verdict).toBe('green');
    const [closed] = await ctx.db.select().from(stays).where(eq(stays.id, stay.id));
    expect(closed!.checkOutAt).not.toBeNull();
    expect(await ctx.db.select().from(departures).where(eq(departures.foreignerId, visitor.id))).toHaveLength(1);

    // Overstaying: held red with the open charge; allowing records the departure, which closes the overstay.
    const { permitId, foreignerId } = await makeStayPermit(ctx.db, {
      validUntil: addDays(today, -5),
      entryDate: addDays(today, -40),
    });
    await ctx.db.transaction((tx) => scanOverstays(tx, today));
    const overstay = await overstayOf(ctx.db, permitId);
    expect(overstay).toMatchObject({ status: 'open', days: 5 });
    const [doc] = await ctx.db.select().from(travelDocuments).where(eq(travelDocuments.foreignerId, foreignerId));
    const lodged = await makeStay(ctx.db, lodging, { foreignerId, documentNumber: doc!.number });
    const held = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
      direction: 'departure',
      documentNumber: doc!.number,
      nationality: doc!.nationality,
      fullName: 'Overstay Person',
      birthDate: doc!.birthDate,
      expiresOn: addDays(today, 400),
    });
    expect(held.body).toMatchObject({
      verdict: 'red',
      reasons: [{ code: 'permit_expired', params: { date: addDays(today, -5) } }],
      charges: [{ days: 5, amount: overstay!.amount }],
    });
    const allowed = await postDecision(ctx.app, desk.supervisorToken, held.body.id, {
      step: 'allow',
      reason: 'Biaya beban dibayar',
    });
    expect(allowed.body.status).toBe('allowed');
    expect((await overstayOf(ctx.db, permitId))!.departedOn).toBe(today);
    const [after] = await ctx.db.select().from(stays).where(eq(stays.id, lodged.id));
    expect(after!.checkOutAt).not.toBeNull();
    expect(await auditFor(ctx.db, lodged.id, 'lodging.check_out')).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ reason: 'departed' }) }),
    ]);
  });

  it('an arrival opens presence again: out and back, then the permit ends, is an overstay; out and not back is not', async () => {
    const desk = await makeDesk(ctx.db);
    /** A permit holder crossing at the desk on a passport of theirs (green while the permit runs). */
    const cross = async (foreignerId: string, direction: string) => {
      const [doc] = await ctx.db.select().from(travelDocuments).where(eq(travelDocuments.foreignerId, foreignerId));
      const res = await postCrossing(ctx.app, desk.officerToken, desk.point.code, {
        direction,
        documentNumber: doc!.number,
        nationality: doc!.nationality,
        fullName: 'Permit Holder',
        birthDate: doc!.birthDate,
        expiresOn: addDays(today, 400),
      });
      expect(res.body, JSON.stringify(res.body)).toMatchObject({ status: 'cleared' });
    };
    const entryDate = addDays(today, -60);
    const back = await makeStayPermit(ctx.db, { validUntil: addDays(today, 30), entryDate });
    const away = await makeStayPermit(ctx.db, { validUntil: addDays(today, 30), entryDate });
    await cross(back.foreignerId, 'departure');
    await cross(back.foreignerId, 'arrival');
    await cross(away.foreignerId, 'departure');
    expect(await ctx.db.select().from(arrivals).where(eq(arrivals.foreignerId, back.foreignerId))).toMatchObject([
      { arrivedOn: today, place: desk.point.name, unitCode: desk.point.unitCode, recordedBy: desk.officer.id },
    ]);
    expect(await auditFor(ctx.db, back.foreignerId, 'foreigner.recordArrival')).toHaveLength(1);
    // Both permits end (as if their last day had passed while the holders were where the desk left them).
    for (const { permitId } of [back, away])
      await ctx.db
        .update(stayPermits)
        .set({ validUntil: addDays(today, -3) })
        .where(eq(stayPermits.id, permitId));

    await ctx.db.transaction((tx) => scanOverstays(tx, today));
    expect(await overstayOf(ctx.db, back.permitId)).toMatchObject({ status: 'open', days: 3 });
    expect(await overstayOf(ctx.db, away.permitId)).toBeUndefined();
    expect(await findLapsedPermit(ctx.db, back.foreignerId, today)).toMatchObject({ id: back.permitId });
    expect(await findLapsedPermit(ctx.db, away.foreignerId, today)).toBeNull();
  });

  it('a PLB holder out and back within the stay is green; back after it, green with the lateness flagged', async () => {
    const desk = await makeDesk(ctx.db);
    const issuer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const pass = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, { birthDate: born() });
    const cross = (direction: string, extra: Record<string, unknown> = {}) =>
      postCrossing(ctx.app, desk.officerToken, desk.point.code, { direction, scan: pass.number, ...extra });
    const daysAgo = (days: number) => ({
      crossedOn: addDays(today, -days),
      recordedAt: new Date(Date.now() - days * 86_400_000),
    });
    /** A crossing, then its record moved back to `days` ago, as if the desk had recorded it then. */
    const crossAgo = async (days: number, direction: string) => {
      const res = await cross(direction);
      await ctx.db.update(crossings).set(daysAgo(days)).where(eq(crossings.id, res.body.id));
      return res;
    };
    const out = await cross('departure');
    expect(out.body).toMatchObject({ verdict: 'green', returnBy: addDays(today, 9) });
    const back = await cross('arrival');
    expect(back.body).toMatchObject({ verdict: 'green', reasons: [] });
    // That trip a month ago, so that the next ones are the pass's latest; then out 15 days ago: due back 10 days
    // later, so 5 days late today.
    await ctx.db.update(crossings).set(daysAgo(40)).where(eq(crossings.id, out.body.id));
    await ctx.db.update(crossings).set(daysAgo(35)).where(eq(crossings.id, back.body.id));
    await crossAgo(15, 'departure');
    const late = await cross('arrival');
    expect(late.body).toMatchObject({
      verdict: 'green',
      status: 'cleared',
      reasons: [{ code: 'plb_overdue', level: 'amber', params: { date: addDays(today, -6) } }],
    });
    // The same trip with one extension shown (10 more days): in time.
    await ctx.db.update(crossings).set(daysAgo(14)).where(eq(crossings.id, late.body.id));
    await crossAgo(13, 'departure');
    expect((await cross('arrival', { extensions: 1 })).body).toMatchObject({ verdict: 'green', reasons: [] });
  });
});
