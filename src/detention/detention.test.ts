import { and, eq, like } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { birthDatesFrom, makeUnit } from '../../test/factories.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { countDetention } from './detention-days.ts';
import { withCounts } from './list-detainees.ts';
import { endDetentionOnDeportation } from './end-detention.ts';
import { getDetainee } from './get-detainee.ts';
import type { DetaineeActionBody } from './inputs.ts';
import { listProperty } from './list-property.ts';
import { performDetaineeAction } from './perform-detainee-action.ts';
import { placeDetainee } from './place-detainee.ts';
import { reportOccupancy } from './count-occupancy.ts';
import { detaineeActions, detainees } from './schema.ts';
import { makeDetainee, officerCaller, placementOf } from './test-support.ts';

describeDb('detainees at the Rudenim', (ctx) => {
  const born = birthDatesFrom(1971);
  let rudenim: Caller;
  let rudenimHead: Caller;
  let kanim: Caller;
  let kanimHead: Caller;
  let partner: Caller;
  const act = (caller: Caller, id: string, body: DetaineeActionBody) =>
    ctx.db.transaction((tx) => performDetaineeAction(tx, caller, id, body));
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { code?: string }) => e.code ?? 'error',
    );
  const historyOf = (id: string) => ctx.db.select().from(detaineeActions).where(eq(detaineeActions.detaineeId, id));

  beforeAll(async () => {
    rudenim = await officerCaller(ctx.db, 'oversight_officer', 'RUDENIM-KUPANG');
    rudenimHead = await officerCaller(ctx.db, 'head_of_office', 'RUDENIM-KUPANG');
    kanim = await officerCaller(ctx.db, 'oversight_officer', 'KANIM-KUPANG');
    kanimHead = await officerCaller(ctx.db, 'head_of_office', 'KANIM-KUPANG');
    partner = await officerCaller(ctx.db, 'partner', 'RUDENIM-KUPANG');
  });

  it('places a person on a decision with the hand-over and the property, once per request id', async () => {
    const { id: foreignerId } = await makeForeigner(ctx.db, { birthDate: born(), nationality: 'BGD' });
    const placement = placementOf(foreignerId, {
      property: [
        { item: 'handphone', quantity: 1 },
        { item: 'dompet', quantity: 1 },
      ],
      requestId: `place-${crypto.randomUUID()}`,
    });
    const first = await ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placement));
    const again = await ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placement));
    expect(again.id).toBe(first.id);
    // Another officer's equal request id is theirs: it places their person, it never answers with this placement.
    const { id: other } = await makeForeigner(ctx.db, { birthDate: born() });
    const theirs = await ctx.db.transaction((tx) =>
      placeDetainee(tx, rudenimHead, placementOf(other, { requestId: placement.requestId })),
    );
    expect(theirs.id).not.toBe(first.id);
    expect(first).toMatchObject({ status: 'detained', handedByAgency: 'Polda NTT', block: 'single' });
    expect((await listProperty(ctx.db, first.id)).balance).toEqual([
      { item: 'handphone', quantity: 1 },
      { item: 'dompet', quantity: 1 },
    ]);
    expect(await historyOf(first.id)).toHaveLength(1);
    // The same person cannot be placed twice while held.
    expect(await refusal(ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placementOf(foreignerId))))).toBe(
      'validation_failed',
    );
    expect(await refusal(ctx.db.transaction((tx) => placeDetainee(tx, kanim, placementOf(foreignerId))))).toBe(
      'forbidden',
    );
  });

  it('keeps a titipan detainee under the placing office: it decides, the Rudenim keeps custody and health', async () => {
    const d = await makeDetainee(ctx.db, rudenim, { authorityUnitCode: 'KANIM-KUPANG' }, { birthDate: born() });
    const kanimOther = await officerCaller(ctx.db, 'oversight_officer', 'KANIM-ATAMBUA');
    await act(rudenim, d.id, { step: 'health_check', on: '2025-01-11', examiner: 'dr. Lay', findings: 'Sehat' });
    const fromKanim = await ctx.db.transaction((tx) => getDetainee(tx, kanim, d.id));
    expect(fromKanim.health).toBeNull();
    expect((await ctx.db.transaction((tx) => getDetainee(tx, rudenim, d.id))).health).toHaveLength(1);
    expect(await refusal(ctx.db.transaction((tx) => getDetainee(tx, kanimOther, d.id)))).toBe('forbidden');
    // Leave and review are the authority's; the Rudenim's officers may not decide them, the Kanim's may.
    const leave = { step: 'leave', from: '2025-02-01', to: '2025-02-03', reason: 'Sidang' } as const;
    expect(await refusal(act(rudenim, d.id, leave))).toBe('forbidden');
    expect((await act(kanim, d.id, leave)).status).toBe('on_leave');
    // Return from leave is custody: the Kanim may not record it, the Rudenim does.
    expect(await refusal(act(kanim, d.id, { step: 'return', on: '2025-02-03' }))).toBe('forbidden');
    expect((await act(rudenim, d.id, { step: 'return', on: '2025-02-03' })).status).toBe('detained');
    expect(
      await refusal(act(kanim, d.id, { step: 'health_check', on: '2025-02-04', examiner: 'x', findings: 'y' })),
    ).toBe('forbidden');
  });

  it('keeps the property balance through deposits, returns and the release', async () => {
    const d = await makeDetainee(
      ctx.db,
      rudenim,
      { property: [{ item: 'paspor', quantity: 1 }] },
      { birthDate: born() },
    );
    await act(rudenim, d.id, { step: 'property_in', item: 'uang USD', quantity: 200, on: '2025-01-12' });
    await act(rudenim, d.id, { step: 'property_out', item: 'uang USD', quantity: 50, on: '2025-01-13' });
    expect(
      await refusal(act(rudenim, d.id, { step: 'property_out', item: 'uang USD', quantity: 151, on: '2025-01-13' })),
    ).toBe('validation_failed');
    expect((await listProperty(ctx.db, d.id)).balance).toEqual([
      { item: 'paspor', quantity: 1 },
      { item: 'uang USD', quantity: 150 },
    ]);
    await act(rudenimHead, d.id, { step: 'release', on: '2025-03-01', reason: 'other', reference: 'Putusan' });
    const after = await listProperty(ctx.db, d.id);
    expect(after.balance).toEqual([]);
    expect(after.ledger.filter((e) => e.direction === 'out').map((e) => [e.item, e.quantity])).toEqual([
      ['uang USD', 50],
      ['paspor', 1],
      ['uang USD', 150],
    ]);
  });

  it('records a visit, a move, a transfer; a resent request is recorded once; refused steps change nothing', async () => {
    const d = await makeDetainee(ctx.db, rudenim, {}, { birthDate: born() });
    const visit = {
      step: 'visit',
      visitorName: 'Konsul Bangladesh',
      relation: 'consular',
      on: '2025-01-15',
      time: '10:00',
      requestId: `visit-${crypto.randomUUID()}`,
    } as const;
    await act(rudenim, d.id, visit);
    await act(rudenim, d.id, visit);
    await act(rudenim, d.id, { step: 'move', block: 'family', room: 'B2' });
    expect((await historyOf(d.id)).map((h) => h.type)).toEqual(['place', 'visit', 'move']);
    // Only the head of office transfers and releases.
    expect(await refusal(act(rudenim, d.id, { step: 'transfer', on: '2025-02-01', to: 'Rudenim Denpasar' }))).toBe(
      'forbidden',
    );
    const moved = await act(rudenimHead, d.id, { step: 'transfer', on: '2025-02-01', to: 'Rudenim Denpasar' });
    expect(moved).toMatchObject({
      status: 'released',
      releaseReason: 'transferred',
      releaseRef: 'Rudenim Denpasar',
      block: 'family',
    });
    const before = await historyOf(d.id);
    expect(await refusal(act(rudenim, d.id, { step: 'return', on: '2025-02-02' }))).toBe('invalid_transition');
    expect(await refusal(act(rudenimHead, d.id, { step: 'release', on: '2025-02-02', reason: 'other' }))).toBe(
      'invalid_transition',
    );
    expect(await historyOf(d.id)).toEqual(before);
  });

  it('refuses partners everywhere, even of the Rudenim', async () => {
    const d = await makeDetainee(ctx.db, rudenim, {}, { birthDate: born() });
    const { id } = await makeForeigner(ctx.db, { birthDate: born() });
    expect(await refusal(ctx.db.transaction((tx) => placeDetainee(tx, partner, placementOf(id))))).toBe('forbidden');
    expect(await refusal(ctx.db.transaction((tx) => getDetainee(tx, partner, d.id)))).toBe('forbidden');
    expect(await refusal(act(partner, d.id, { step: 'return', on: '2025-02-02' }))).toBe('forbidden');
    expect(
      await refusal(
        ctx.db.transaction((tx) =>
          endDetentionOnDeportation(tx, partner, {
            foreignerId: d.foreignerId,
            caseRef: 'x',
            on: '2025-02-02',
            requestId: 'partner-0001',
          }),
        ),
      ),
    ).toBe('forbidden');
    expect(
      await refusal(ctx.db.transaction((tx) => reportOccupancy(tx, partner, 'RUDENIM-KUPANG', '2025-01-10'))),
    ).toBe('forbidden');
  });

  it('ends a detention on deportation once, and answers false for someone not detained', async () => {
    const d = await makeDetainee(ctx.db, rudenim, { authorityUnitCode: 'KANIM-KUPANG' }, { birthDate: born() });
    const input = {
      foreignerId: d.foreignerId,
      caseRef: crypto.randomUUID(),
      on: '2025-04-01',
      requestId: `dep-${crypto.randomUUID()}`,
    };
    expect(await ctx.db.transaction((tx) => endDetentionOnDeportation(tx, kanimHead, input))).toBe(true);
    expect(await ctx.db.transaction((tx) => endDetentionOnDeportation(tx, kanimHead, input))).toBe(true);
    const [row] = await ctx.db.select().from(detainees).where(eq(detainees.id, d.id));
    expect(row).toMatchObject({
      status: 'released',
      releaseReason: 'deported',
      releaseRef: input.caseRef,
      releasedOn: '2025-04-01',
    });
    expect((await historyOf(d.id)).filter((h) => h.type === 'release')).toHaveLength(1);
    const { id: free } = await makeForeigner(ctx.db, { birthDate: born() });
    expect(
      await ctx.db.transaction((tx) =>
        endDetentionOnDeportation(tx, kanimHead, {
          ...input,
          foreignerId: free,
          requestId: `dep-${crypto.randomUUID()}`,
        }),
      ),
    ).toBe(false);
  });

  it('counts Pasal 85 from the first placement when a transferred detainee is placed again', async () => {
    const d = await makeDetainee(ctx.db, rudenim, {}, { birthDate: born() });
    await act(rudenimHead, d.id, { step: 'transfer', on: '2025-02-01', to: 'Rudenim Denpasar' });
    const again = { placedOn: '2025-02-01', decisionDate: '2025-02-01', handedOn: '2025-02-01' };
    const next = await ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placementOf(d.foreignerId, again)));
    expect(next).toMatchObject({ placedOn: '2025-02-01', firstPlacedOn: '2025-01-10', transferredFromId: d.id });
    const [counted] = await ctx.db.transaction((tx) => withCounts(tx, [next], '2025-02-10'));
    expect(counted).toMatchObject({ days: 32, limitOn: '2035-01-10', reviewDueOn: '2025-07-10' });
    // A detention ended otherwise starts a new count.
    await act(rudenimHead, next.id, { step: 'release', on: '2025-03-01', reason: 'other' });
    const later = { placedOn: '2025-04-01', decisionDate: '2025-04-01', handedOn: '2025-04-01' };
    const fresh = await ctx.db.transaction((tx) => placeDetainee(tx, rudenim, placementOf(d.foreignerId, later)));
    expect(fresh).toMatchObject({ firstPlacedOn: null, transferredFromId: null });
    // A transfer long before starts no count; a placement before the last detention ended overlaps it.
    await act(rudenimHead, fresh.id, { step: 'transfer', on: '2025-05-01', to: 'Rudenim Denpasar' });
    const place = (on: string) =>
      ctx.db
        .transaction((tx) =>
          placeDetainee(tx, rudenim, placementOf(d.foreignerId, { placedOn: on, decisionDate: on, handedOn: on })),
        )
        .catch((e: { fields?: Record<string, string> }) => e.fields);
    expect(await place('2025-04-20')).toEqual({ placedOn: 'detention.v.overlapsEarlier' });
    expect(await place('2025-09-01')).toMatchObject({ firstPlacedOn: null, transferredFromId: null });
  });

  it('refuses a placement day in the future', async () => {
    const { id } = await makeForeigner(ctx.db, { birthDate: born() });
    const tomorrow = addDays(witaDate(), 1);
    const future = { placedOn: tomorrow, decisionDate: tomorrow, handedOn: tomorrow };
    const failed = await ctx.db
      .transaction((tx) => placeDetainee(tx, rudenim, placementOf(id, future)))
      .catch((e: { fields?: Record<string, string> }) => e.fields);
    expect(failed).toEqual({ placedOn: 'detention.v.dayOutside' });
    expect(await ctx.db.select().from(detainees).where(eq(detainees.foreignerId, id))).toEqual([]);
  });

  it('counts the days against the 10-year limit with reviews every six months', () => {
    const rule = { maxYears: 10, reviewMonths: 6, warnDays: 180 };
    const held = { placedOn: '2024-08-31', releasedOn: null, lastReviewedOn: null };
    expect(countDetention(held, rule, '2024-09-01')).toEqual({
      days: 2,
      limitOn: '2034-08-31',
      reviewDueOn: '2025-02-28',
      warnOn: '2034-03-04',
    });
    expect(countDetention({ ...held, lastReviewedOn: '2025-02-28' }, rule, '2025-03-01').reviewDueOn).toBe(
      '2025-08-28',
    );
    expect(countDetention({ ...held, releasedOn: '2024-09-30' }, rule, '2026-01-01')).toMatchObject({
      days: 31,
      reviewDueOn: null,
    });
  });

  it('reports the day’s occupancy by block, sex and age, nationality and authority', async () => {
    // A Rudenim of the test's own, so that no other test's detainees are counted.
    const unitCode = (await makeUnit(ctx.db, { kind: 'rudenim', services: ['detention'] })).code;
    const officer = await officerCaller(ctx.db, 'oversight_officer', unitCode);
    const head = await officerCaller(ctx.db, 'head_of_office', unitCode);
    const on = '2025-03-02';
    const place = {
      unitCode,
      authorityUnitCode: unitCode,
      placedOn: '2025-03-01',
      decisionDate: '2025-03-01',
      handedOn: '2025-03-01',
    };
    await makeDetainee(
      ctx.db,
      officer,
      { ...place, block: 'single' },
      { birthDate: born(), sex: 'M', nationality: 'BGD' },
    );
    await makeDetainee(
      ctx.db,
      officer,
      { ...place, block: 'family' },
      { birthDate: born(), sex: 'F', nationality: 'MMR' },
    );
    await makeDetainee(
      ctx.db,
      officer,
      { ...place, block: 'family', authorityUnitCode: 'KANIM-KUPANG' },
      { birthDate: '2010-05-05', sex: 'M', nationality: 'MMR' },
    );
    const gone = await makeDetainee(ctx.db, officer, place, { birthDate: born(), sex: 'M', nationality: 'IND' });
    await act(head, gone.id, { step: 'release', on: '2025-03-02', reason: 'other' });
    const later = await makeDetainee(
      ctx.db,
      officer,
      { ...place, placedOn: '2025-03-03', decisionDate: '2025-03-03', handedOn: '2025-03-03' },
      { birthDate: born(), sex: 'F', nationality: 'IND' },
    );
    expect(later.placedOn).toBe('2025-03-03');
    const report = await ctx.db.transaction((tx) => reportOccupancy(tx, officer, unitCode, on));
    expect(report).toEqual({
      unitCode,
      on,
      total: 3,
      byBlock: {
        single: { men: 1, women: 0, children: 0, other: 0 },
        family: { men: 0, women: 1, children: 1, other: 0 },
      },
      byNationality: { BGD: 1, MMR: 2 },
      byAuthority: { [unitCode]: 2, 'KANIM-KUPANG': 1 },
    });
    expect(await refusal(ctx.db.transaction((tx) => reportOccupancy(tx, kanim, unitCode, on)))).toBe('forbidden');
    expect(await refusal(ctx.db.transaction((tx) => reportOccupancy(tx, rudenim, unitCode, on)))).toBe('forbidden');
  });

  it('releases under conditions only once Pasal 85’s limit is reached', async () => {
    const place = { placedOn: '2015-06-01', decisionDate: '2015-06-01', handedOn: '2015-06-01' };
    const d = await makeDetainee(ctx.db, rudenim, place, { birthDate: born() });
    expect(await refusal(act(rudenimHead, d.id, { step: 'release', on: '2025-05-31', reason: 'conditional' }))).toBe(
      'validation_failed',
    );
    expect(
      await act(rudenimHead, d.id, {
        step: 'release',
        on: '2025-06-01',
        reason: 'conditional',
        reference: 'Wajib lapor',
      }),
    ).toMatchObject({
      status: 'released',
      releaseReason: 'conditional',
    });
  });

  it('writes an audit entry with each step', async () => {
    const d = await makeDetainee(ctx.db, rudenim, {}, { birthDate: born() });
    await act(rudenim, d.id, { step: 'move', block: 'family' });
    const entries = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, d.id), like(auditLog.action, 'detainee.%')));
    expect(entries.map((e) => e.action).sort()).toEqual(['detainee.move', 'detainee.place']);
  });
});
