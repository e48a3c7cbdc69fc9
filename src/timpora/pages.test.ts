import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { makeLodging } from '../lodgings/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { partnerAgencies, timporaMeetings, timporaRecommendations } from './schema.ts';
import { kupangVillage, makeAgency, makeOperation, makeTeam } from './test-support.ts';

describeApp('Timpora pages without JavaScript', (ctx) => {
  const requestIdOf = (body: string) => /name="requestId" value="([^"]+)"/.exec(body)![1]!;

  it('forms a team, seats an agency, links a partner, records a meeting and runs an operation to its report', async () => {
    const officer = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const code = `SATPOL-${crypto.randomUUID().slice(0, 6).toUpperCase()}`;
    const agency = await browser.post(
      '/officer/timpora/agencies',
      { code, name: 'Satpol PP Kota Kupang', kind: 'satpol_pp' },
      '/officer/timpora/agencies/new',
    );
    expect(agency.statusCode, agency.body.slice(0, 300)).toBe(303);
    const [satpol] = await ctx.db.select().from(partnerAgencies).where(eq(partnerAgencies.code, code));

    const teamForm = {
      name: 'Timpora Kota Kupang',
      level: 'regency',
      parentId: '',
      unitCode: 'KANIM-KUPANG',
      regionCode: '53.71',
      decreeNumber: 'W21.IMI.1-GR.03.02-77',
      decreeDate: '2025-06-20',
      chairName: 'Kepala Kantor',
      chairPosition: 'Kepala Kantor Imigrasi Kupang',
      secretaryName: '',
      secretaryPosition: '',
    };
    const refused = await browser.post(
      '/officer/timpora/teams',
      { ...teamForm, regionCode: '99.99' },
      '/officer/timpora/teams/new',
    );
    expect(refused.statusCode).toBe(422);
    const team = await browser.post('/officer/timpora/teams', teamForm, '/officer/timpora/teams/new');
    expect(team.statusCode, team.body.slice(0, 300)).toBe(303);
    const teamUrl = team.headers.location as string;
    const seat = await browser.post(
      `${teamUrl}/agencies`,
      { agencyId: satpol!.id, contactName: 'Yohanes', contactPhone: '0812 1111 2222' },
      teamUrl,
    );
    expect(seat.statusCode).toBe(303);
    const partner = await makeOfficer(ctx.db, { role: 'partner' });
    expect(
      (await browser.post(`${teamUrl}/partners`, { email: partner.email, partnerAgencyId: satpol!.id }, teamUrl))
        .statusCode,
    ).toBe(303);
    expect((await browser.get(teamUrl)).body).toContain(partner.email);

    const meetingForm = await browser.get(`${teamUrl}/meetings/new`);
    const meeting = await browser.post(`${teamUrl}/meetings`, {
      requestId: requestIdOf(meetingForm.body),
      heldOn: '2026-02-10',
      place: 'Aula Kanim Kupang',
      agenda: 'Penginapan tanpa laporan',
      agenciesPresent: [satpol!.id],
      notes: '',
      recText1: 'Operasi gabungan di penginapan Kelapa Lima',
      recAgency1: satpol!.id,
      recDue1: '2026-03-01',
    });
    expect(meeting.statusCode, meeting.body.slice(0, 300)).toBe(303);
    const meetingPage = await browser.get(meeting.headers.location as string);
    expect(meetingPage.body).toContain('Operasi gabungan di penginapan Kelapa Lima');
    const meetingId = (meeting.headers.location as string).split('/').pop()!;
    const [rec] = await ctx.db
      .select()
      .from(timporaRecommendations)
      .where(eq(timporaRecommendations.meetingId, meetingId));

    const { lodging } = await makeLodging(ctx.db, { regencyCode: '53.71', unitCode: 'KANIM-KUPANG' });
    const village = await kupangVillage(ctx.db);
    const opForm = await browser.get('/officer/timpora/operations/new');
    expect(opForm.body).toContain(lodging.name);
    const op = await browser.post('/officer/timpora/operations', {
      requestId: requestIdOf(opForm.body),
      title: 'Operasi Kelapa Lima',
      teamIds: [teamUrl.split('/').pop()!],
      recommendationId: rec!.id,
      startsOn: '2026-03-02',
      endsOn: '2026-03-02',
      lodgingIds: [lodging.id],
      villageCodes: `${village}\n`,
      places: '',
    });
    expect(op.statusCode, op.body.slice(0, 300)).toBe(303);
    const opUrl = op.headers.location as string;
    for (const step of ['prepare', 'start'])
      expect(
        (await browser.post(`${opUrl}/actions`, { step, note: '', requestId: `${step}-${crypto.randomUUID()}` }, opUrl))
          .statusCode,
      ).toBe(303);
    const findingForm = await browser.get(`${opUrl}/findings/new`);
    const finding = await browser.post(`${opUrl}/findings`, {
      requestId: requestIdOf(findingForm.body),
      nationality: 'BGD',
      outcome: 'handed_to_agency',
      handedToAgencyId: satpol!.id,
      violation: 'no_document',
      villageCode: village,
    });
    expect(finding.statusCode, finding.body.slice(0, 300)).toBe(303);
    expect(
      (
        await browser.post(
          `${opUrl}/actions`,
          { step: 'report', note: '', requestId: `report-${crypto.randomUUID()}` },
          opUrl,
        )
      ).statusCode,
    ).toBe(303);
    const report = await browser.get(opUrl);
    expect(report.body).toContain('Dilaporkan');
    expect(report.body).toContain('Diperiksa: 1');
    expect(report.body).toContain('Buka perkara TAK');

    // The partner of the team reads the operation and follows the recommendation up.
    const partnerBrowser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, partner));
    expect((await partnerBrowser.get('/officer/timpora')).body).toContain('Operasi Kelapa Lima');
    // A partner sees the finding handed to its agency, but a case is the office's to open.
    const partnerOperation = await partnerBrowser.get(opUrl);
    expect(partnerOperation.statusCode).toBe(200);
    expect(partnerOperation.body).not.toContain('Buka perkara TAK');
    const done = await partnerBrowser.post(
      `/officer/timpora/meetings/${meetingId}/recommendations/${rec!.id}/actions`,
      { step: 'done', note: 'Selesai didata', requestId: `done-${crypto.randomUUID()}` },
      `/officer/timpora/meetings/${meetingId}`,
    );
    expect(done.statusCode).toBe(303);
    expect((await partnerBrowser.get(`/officer/timpora/meetings/${meetingId}`)).body).toContain('Selesai didata');
  });
  it('shows a blank finding form without an audited read, and acts on a recommendation only under its own meeting', async () => {
    const officer = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANIM-KUPANG' });
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const team = await makeTeam(ctx.db);
    const op = await makeOperation(ctx.db, [team]);
    expect((await browser.get(`/officer/timpora/operations/${op.id}/findings/new`)).statusCode).toBe(200);
    const reads = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, op.id), eq(auditLog.action, 'timpora.operation.read')));
    expect(reads).toEqual([]);

    const meetings = await ctx.db
      .insert(timporaMeetings)
      .values([1, 2].map((n) => ({ teamId: team.id, heldOn: `2026-02-0${n}`, place: 'Kupang', agenda: 'Rapat' })))
      .returning();
    const [rec] = await ctx.db
      .insert(timporaRecommendations)
      .values({
        meetingId: meetings[0]!.id,
        text: 'Data',
        agencyId: (await makeAgency(ctx.db)).id,
        dueOn: '2026-03-01',
      })
      .returning();
    const other = `/officer/timpora/meetings/${meetings[1]!.id}`;
    const wrong = await browser.post(
      `${other}/recommendations/${rec!.id}/actions`,
      { step: 'done', note: 'Salah rapat', requestId: `done-${crypto.randomUUID()}` },
      other,
    );
    expect(wrong.statusCode).toBe(404);
    const [after] = await ctx.db.select().from(timporaRecommendations).where(eq(timporaRecommendations.id, rec!.id));
    expect(after!.status).toBe(rec!.status);
  });
});
