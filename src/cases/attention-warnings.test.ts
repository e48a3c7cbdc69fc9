import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { raiseWarning } from '../../test/desa-binaan-factories.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { applicationActions } from '../applications/schema.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import { caseApi, makeCase } from './test-support.ts';

const tId = translator('id');
const checklist = { purpose: 'Wisata', destination: 'Malaysia', answersConsistent: true };

/** Who reads Desa Binaan's warnings on a case, and the sponsor named at a first interview meeting one. */
describeApp('attention warnings: who reads them, and the sponsor at a first interview', (ctx) => {
  const { act, tokenOf } = caseApi(ctx);
  const caseJson = async (id: string, who: Account) => {
    const res = await ctx.app.inject({
      url: `/api/v1/applications/${id}/case`,
      headers: { authorization: `Bearer ${await tokenOf(who)}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ attention: { warnings: { id: string }[] } }>().attention;
  };

  it('gives warnings to the interviewers and the head of office of the unit only, on the API and the page', async () => {
    const unit = await makeUnit(ctx.db);
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'deferred', fullName: 'Agustina Lake' });
    const warning = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'person',
      summary: 'Intel: dijemput calo di pelabuhan',
      nik: c.nik,
    });
    const expected: Record<string, boolean> = {
      verifier: true,
      adjudicator: true,
      head_of_office: true,
      admin: false,
      counter_officer: false,
    };
    for (const [role, sees] of Object.entries(expected)) {
      const who = await makeOfficer(ctx.db, { role: role as OfficerRole, unitCode: unit.code });
      const { warnings } = await caseJson(c.id, who);
      expect(
        warnings.map((w) => w.id),
        role,
      ).toEqual(sees ? [warning.id] : []);
      const page = await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, who)).get(`/officer/cases/${c.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body.includes('Intel: dijemput calo di pelabuhan'), role).toBe(sees);
    }
  });

  it('leaves the warnings seen out of the history for the roles not let read warnings, on the API and the page', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const warning = await raiseWarning(ctx.db, { unitCode: unit.code, kind: 'person', summary: 'Intel', nik: c.nik });
    const interviewed = await act(verifier, c.id, { type: 'interview', checklist, outcome: 'pass' });
    expect(interviewed.statusCode, interviewed.body).toBe(200);
    const expected: Record<string, boolean> = {
      verifier: true,
      adjudicator: true,
      head_of_office: true,
      admin: false,
      counter_officer: false,
    };
    for (const [role, sees] of Object.entries(expected)) {
      const who = await makeOfficer(ctx.db, { role: role as OfficerRole, unitCode: unit.code });
      const res = await ctx.app.inject({
        url: `/api/v1/applications/${c.id}/actions`,
        headers: { authorization: `Bearer ${await tokenOf(who)}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      const interview = res
        .json<{ type: string; payload: Record<string, unknown> }[]>()
        .find((h) => h.type === 'interview');
      expect(interview?.payload.outcome, role).toBe('pass');
      expect(interview?.payload.warningsSeen, role).toEqual(sees ? [warning.id] : undefined);
      const page = await new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, who)).get(`/officer/cases/${c.id}`);
      expect(page.statusCode).toBe(200);
      if (!sees) expect(page.body, role).not.toContain(warning.id);
    }
  });

  it('refuses a pass naming a warned sponsor until the officer acknowledges it, and records what was seen', async () => {
    const unit = await makeUnit(ctx.db);
    const verifier = await makeOfficer(ctx.db, { role: 'verifier', unitCode: unit.code });
    const suffix = unit.code.slice(-6);
    const warning = await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'recruiter',
      summary: 'Perekrut tanpa izin P3MI menjanjikan kerja di kapal',
      recruiterName: `CV Laut Biru ${suffix}`,
      areaCode: '31.71',
    });
    const sponsor = `cv  laut biru ${suffix}`;

    // API: refused on `sponsor`, passes once acknowledged, with the warning's id recorded.
    const c = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const body = { type: 'interview', checklist: { ...checklist, sponsor }, outcome: 'pass' };
    const refused = await act(verifier, c.id, body);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ error: { fields: { sponsor: expect.any(String) } } });
    // A blind acknowledgement (the old yes/no, or ids not naming the warning) does not let the pass through.
    for (const blind of [true, [], [crypto.randomUUID()]]) {
      const skipped = await act(verifier, c.id, { ...body, warningsAcknowledged: blind });
      expect(skipped.statusCode, JSON.stringify(blind)).toBe(422);
    }
    const passed = await act(verifier, c.id, { ...body, warningsAcknowledged: [warning.id] });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().action.payload.warningsSeen).toEqual([warning.id]);

    // A deferral is not refused; an unrelated sponsor passes at once.
    const d = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const deferred = await act(verifier, d.id, {
      ...body,
      outcome: 'defer',
      reasonCode: 'pmi_non_procedural',
      reason: 'Penjamin perlu diperiksa',
    });
    expect(deferred.statusCode, deferred.body).toBe(200);
    const e = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const other = await act(verifier, e.id, { ...body, checklist: { ...checklist, sponsor: 'Keluarga di Johor' } });
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json().action.payload.warningsSeen).toEqual([]);

    // Page: the form comes back with the note naming the warning and the acknowledgement to tick.
    const p = await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured', holderId: verifier.id });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, verifier));
    const page = `/officer/cases/${p.id}`;
    expect((await browser.get(page)).body).not.toContain('Perekrut tanpa izin P3MI');
    const form = {
      type: 'interview',
      purpose: 'Wisata',
      destination: 'Malaysia',
      sponsor,
      answersConsistent: 'yes',
      outcome: 'pass',
    };
    const back = await browser.post(`${page}/actions`, form, page);
    expect(back.statusCode).toBe(422);
    expect(back.body).toContain(tId('cases.v.sponsorWarned'));
    expect(back.body).toContain('Perekrut tanpa izin P3MI');
    expect(back.body).toContain(`name="warningsAcknowledged" value="${warning.id}"`);
    const sent = await browser.post(`${page}/actions`, { ...form, warningsAcknowledged: warning.id });
    expect(sent.statusCode, sent.body).toBe(303);
    const [recorded] = await ctx.db
      .select({ payload: applicationActions.payload })
      .from(applicationActions)
      .where(and(eq(applicationActions.applicationId, p.id), eq(applicationActions.type, 'interview')));
    expect(recorded?.payload).toMatchObject({ outcome: 'pass', warningsSeen: [warning.id] });
  });
});
