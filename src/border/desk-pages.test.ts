import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { makeBorderPass } from '../border-passes/test-support.ts';
import { makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { makeBanEntry } from '../watchlist/test-support.ts';
import { crossings } from './schema.ts';
import { makeDesk } from './test-support.ts';

/** Birth dates from 1950 on, one per person, where no other test of this file's features puts people. */
const born = birthDatesFrom(1950);

describeApp('the desk’s pages without JavaScript', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const today = witaDate();

  it('records a scanned passport and shows the verdict; a red one is decided by the supervisor on its page', async () => {
    const desk = await makeDesk(ctx.db);
    const officer = await as(desk.officer);
    const page = `/officer/crossing-points/${desk.point.code}/desk`;
    const form = await officer.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/<textarea[^>]*name="scan"[^>]*autofocus/);
    const requestId = /name="requestId" value="([^"]+)"/.exec(form.body)![1]!;

    const doc = makeTravelDocument({ nationality: 'IDN', issuingState: 'IDN', birthDate: born() });
    const sent = { direction: 'departure', scan: mrzOf(doc), requestId };
    const res = await officer.post(page, sent, page);
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const verdict = await officer.get(res.headers.location as string);
    expect(verdict.body).toContain('data-verdict="green"');
    expect(verdict.body).toContain('HIJAU');
    // Resent after a dropped connection: the same crossing, said so.
    const again = await officer.post(page, sent, page);
    expect(again.headers.location).toBe(`${res.headers.location as string}?repeated=1`);

    const listed = makeTravelDocument({ nationality: 'IDN', issuingState: 'IDN', birthDate: born() });
    const entry = await makeBanEntry(ctx.db, {
      fullName: `${listed.givenNames} ${listed.surname}`,
      birthDate: listed.birthDate,
      reason: 'Rahasia penyidikan 77',
    });
    const red = await officer.post(page, { direction: 'departure', scan: mrzOf(listed) }, page);
    const redPage = await officer.get(red.headers.location as string);
    expect(redPage.body).toContain('data-verdict="red"');
    expect(redPage.body).not.toContain('Rahasia penyidikan 77');
    expect(redPage.body).not.toContain(entry.id);
    expect(redPage.body).not.toContain('name="step"');
    const blocked = await officer.post(page, { direction: 'departure', scan: mrzOf(listed) }, page);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.body).toContain('sedang ditahan');

    const supervisor = await as(desk.supervisor);
    const deskOfSupervisor = await supervisor.get(page);
    expect(deskOfSupervisor.body).toContain(red.headers.location as string);
    const inspect = await supervisor.get(red.headers.location as string);
    expect(inspect.body).toContain('name="step"');
    const missing = await supervisor.post(
      `${red.headers.location as string}/decision`,
      { step: 'refuse', reason: '' },
      red.headers.location,
    );
    expect(missing.statusCode).toBe(422);
    const decided = await supervisor.post(
      `${red.headers.location as string}/decision`,
      { step: 'hand_over', reason: 'DPO', agency: 'Polres Belu' },
      red.headers.location,
    );
    expect(decided.statusCode).toBe(303);
    const after = await supervisor.get(red.headers.location as string);
    expect(after.body).toContain('data-status="handed_over"');
    expect(after.body).toContain('Polres Belu');
  });

  it('lists the PLB holders not back after their stay on the post’s overdue page', async () => {
    const desk = await makeDesk(ctx.db);
    const issuer = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: 'KANIM-ATAMBUA' });
    const late = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, {
      birthDate: born(),
      fullName: 'Martinus Telat',
    });
    const inTime = await makeBorderPass(ctx.db, ctx.app.deps.storage, issuer, {
      birthDate: born(),
      fullName: 'Paulus Tepat',
    });
    const officer = await as(desk.officer);
    const page = `/officer/crossing-points/${desk.point.code}/desk`;
    for (const pass of [late, inTime]) {
      const res = await officer.post(page, { direction: 'departure', scan: pass.number }, page);
      expect(res.statusCode).toBe(303);
    }
    await ctx.db
      .update(crossings)
      .set({ crossedOn: addDays(today, -12), returnBy: addDays(today, -3) })
      .where(eq(crossings.documentNumber, late.number));
    const overdue = await officer.get(`/officer/crossing-points/${desk.point.code}/overdue`);
    expect(overdue.statusCode).toBe(200);
    expect(overdue.body).toContain('Martinus Telat');
    expect(overdue.body).not.toContain('Paulus Tepat');
  });
});
