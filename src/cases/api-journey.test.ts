import { expect, it } from 'vitest';
import { parse } from 'mrz';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, openDate } from '../../test/factories.ts';
import { jpeg } from '../../test/uploads.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { organisation } from '../units/organisation.ts';
import { makeCase } from './test-support.ts';

const passportUnits = organisation.filter((u) => u.services.includes('passport')).map((u) => u.code);

/** The whole counter through the API, at every unit that issues passports: check-in to hand-over. */
describeApp('serving a booked applicant over the API', (ctx) => {
  const tokenOf = async (account: Account) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  it.each(passportUnits)('at %s', async (unitCode) => {
    await openDate(ctx.db, unitCode, witaDate(), 50);
    const verifier = await tokenOf(await makeOfficer(ctx.db, { role: 'verifier', unitCode }));
    const adjudicator = await tokenOf(await makeOfficer(ctx.db, { role: 'adjudicator', unitCode }));
    const applicant = await makeCase(ctx.db, { unitCode, status: 'paid', fullName: 'Theresia Nenobais' });
    const act = (token: string, body: object) =>
      call(token, 'POST', `/api/v1/applications/${applicant.id}/actions`, body);

    const admitted = await call(verifier, 'POST', `/api/v1/units/${unitCode}/check-ins`, {
      trackingCode: applicant.trackingCode,
      birthDate: applicant.birthDate,
    });
    expect(admitted).toMatchObject({ applicationId: applicant.id, status: 'checked_in' });
    // Other tests may have left tickets waiting at a seeded unit: call until this applicant's comes up.
    let called: { applicationId: string };
    do called = await call(verifier, 'POST', `/api/v1/units/${unitCode}/queue/call`, { counter: 'Loket 1' });
    while (called.applicationId !== applicant.id);

    await act(verifier, { type: 'take' });
    const documents = ['ektp', 'kk', 'akta_kelahiran'].map((kind) => ({ kind, accepted: true }));
    expect((await act(verifier, { type: 'document_check', documents })).status).toBe('documents_verified');
    expect((await act(verifier, { type: 'watchlist_check' })).status).toBe('watchlist_cleared');
    expect((await act(verifier, { type: 'confirm_payment' })).status).toBe('payment_confirmed');
    const biometrics = {
      type: 'capture_biometrics',
      photo: jpeg.toString('base64'),
      fingerprints: { device: 'Suprema RealScan G10', quality: 80, fingers: 10 },
    };
    expect((await act(verifier, biometrics)).status).toBe('biometrics_captured');
    const checklist = { purpose: 'Wisata', destination: 'Singapura', answersConsistent: true };
    expect((await act(verifier, { type: 'interview', checklist, outcome: 'pass' })).status).toBe('interviewed');
    await act(verifier, { type: 'release' });
    await act(adjudicator, { type: 'take' });
    expect((await act(adjudicator, { type: 'adjudicate', decision: 'approve' })).status).toBe('approved');
    await act(adjudicator, { type: 'release' });
    await act(verifier, { type: 'take' });
    const printed = await act(verifier, { type: 'print' });
    expect(printed.status).toBe('printed');
    expect((await act(verifier, { type: 'quality_check', passed: true })).status).toBe('ready');
    expect((await act(verifier, { type: 'hand_over', identityChecked: true, recipient: 'applicant' })).status).toBe(
      'handed_over',
    );

    const passport = await call(verifier, 'GET', `/api/v1/passports/${printed.action.payload.passportNumber}`);
    expect(passport).toMatchObject({
      type: applicant.passportType,
      holderName: 'Theresia Nenobais',
      birthDate: applicant.birthDate,
      unitCode,
      status: 'handed_over',
    });
    expect(parse(passport.mrz).valid).toBe(true);
  });
});
