import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeUnit } from '../../test/factories.ts';
import { jpeg } from '../../test/uploads.ts';
import type { Account } from '../platform/auth/schema.ts';
import { caseApi, makeCase } from './test-support.ts';

const adultDocs = [
  { kind: 'ektp', accepted: true },
  { kind: 'kk', accepted: true },
  { kind: 'akta_kelahiran', accepted: true },
];
const photo = {
  photo: jpeg.toString('base64'),
  fingerprints: { device: 'Suprema RealScan G10', quality: 82, fingers: 10 },
};

describeApp('case workflow steps over the API: holding, access, resends and history', (ctx) => {
  const { tokenOf, act, officer, snapshot, refused } = caseApi(ctx);

  it('takes and releases a case: one holder at a time, a head of office may free it', async () => {
    const unit = await makeUnit(ctx.db);
    const [a, b, head] = [
      await officer('counter_officer', unit.code),
      await officer('verifier', unit.code),
      await officer('head_of_office', unit.code),
    ];
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    const taken = await act(a, c.id, { type: 'take' });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({
      applicationId: c.id,
      status: 'checked_in',
      holderId: a.id,
      action: { type: 'take' },
    });

    const before = await snapshot(c.id);
    await refused(await act(b, c.id, { type: 'take' }), 409, 'case_held');
    await refused(await act(b, c.id, { type: 'release' }), 409, 'case_not_held');
    await refused(await act(b, c.id, { type: 'document_check', documents: adultDocs }), 409, 'case_held');
    expect(await snapshot(c.id)).toEqual(before);

    expect((await act(head, c.id, { type: 'release', reason: 'Petugas pulang sakit' })).json()).toMatchObject({
      holderId: null,
      action: { payload: { from: a.id } },
    });
    await refused(await act(b, c.id, { type: 'document_check', documents: adultDocs }), 409, 'case_not_held');
    expect((await act(b, c.id, { type: 'take' })).json()).toMatchObject({ holderId: b.id });
  });

  it('refuses a step the status does not allow with invalid_transition, changing nothing', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in', holderId: counter.id });
    const before = await snapshot(c.id);
    for (const body of [
      { type: 'watchlist_check' },
      { type: 'confirm_payment' },
      { type: 'capture_biometrics', ...photo },
      { type: 'print' },
    ]) {
      const res = await act(counter, c.id, body);
      await refused(res, 409, 'invalid_transition');
    }
    expect(await snapshot(c.id)).toEqual(before);
    const done = await makeCase(ctx.db, { unitCode: unit.code, status: 'handed_over' });
    await refused(await act(counter, done.id, { type: 'take' }), 409, 'invalid_transition');
  });

  it('refuses roles and units that may not act (403), strangers (401) and unknown cases (404)', async () => {
    const unit = await makeUnit(ctx.db);
    const other = await makeUnit(ctx.db);
    const adjudicator = await officer('adjudicator', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in', holderId: adjudicator.id });
    const before = await snapshot(c.id);
    await refused(await act(adjudicator, c.id, { type: 'document_check', documents: adultDocs }), 403, 'forbidden');
    await refused(await act(await officer('admin', unit.code), c.id, { type: 'take' }), 403, 'forbidden');
    await refused(await act(await officer('auditor', unit.code), c.id, { type: 'take' }), 403, 'forbidden');
    await refused(await act(await officer('counter_officer', other.code), c.id, { type: 'take' }), 403, 'forbidden');
    await refused(await act(await makeCitizen(ctx.db), c.id, { type: 'take' }), 403, 'forbidden');
    await refused(await act(null, c.id, { type: 'take' }), 401, 'unauthenticated');
    expect(await snapshot(c.id)).toEqual(before);
    await refused(await act(adjudicator, crypto.randomUUID(), { type: 'take' }), 404, 'not_found');
    // The regional office's officers act on every unit below it.
    expect(
      (
        await act(
          await officer('counter_officer', 'KANWIL-NTT'),
          (await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' })).id,
          { type: 'take' },
        )
      ).statusCode,
    ).toBe(200);
  });

  it('answers a resent request id with the recorded action and changes nothing more', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    const take = { type: 'take', requestId: `take-${c.id}` };
    expect((await act(counter, c.id, take)).statusCode).toBe(200);
    const check = { type: 'document_check', requestId: `check-${c.id}`, documents: adultDocs };
    const first = await act(counter, c.id, check);
    const after = await snapshot(c.id);
    const again = await act(counter, c.id, check);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject(first.json<object>());
    expect((await act(counter, c.id, take)).statusCode).toBe(200);
    expect(await snapshot(c.id)).toEqual(after);
  });

  it('gives the history to officers of the unit, audited, and refuses others', async () => {
    const unit = await makeUnit(ctx.db);
    const counter = await officer('counter_officer', unit.code);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'checked_in' });
    await act(counter, c.id, { type: 'take' });
    const get = async (account: Account | null, id = c.id) =>
      ctx.app.inject({
        url: `/api/v1/applications/${id}/actions`,
        headers: account ? { authorization: `Bearer ${await tokenOf(account)}` } : {},
      });
    const res = await get(counter);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ type: string; actorId: string | null }[]>().map((h) => [h.type, h.actorId])).toEqual([
      ['seeded', null],
      ['take', counter.id],
    ]);
    expect((await get(await officer('admin', unit.code))).statusCode).toBe(200);
    await refused(await get(await officer('counter_officer', (await makeUnit(ctx.db)).code)), 403, 'forbidden');
    await refused(await get(await officer('auditor', unit.code)), 403, 'forbidden');
    await refused(await get(null), 401, 'unauthenticated');
    await refused(await get(counter, crypto.randomUUID()), 404, 'not_found');
  });
});
