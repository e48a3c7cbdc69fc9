import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { outreachSessions, sessionParticipants } from './schema.ts';
import { makeOutreachUnit, participantLines, requestBody, villageIn } from './test-support.ts';

describeApp('Eazy Paspor sessions: public requests and listing', (ctx) => {
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));
  const sessionByCode = async (trackingCode: string) =>
    (await ctx.db.select().from(outreachSessions).where(eq(outreachSessions.trackingCode, trackingCode)))[0]!;
  const request = async (body: object) =>
    ctx.app.inject({ method: 'POST', url: '/api/v1/outreach/requests', payload: body });

  it('refuses a participant list with bad rows, naming every bad row, and stores nothing', async () => {
    const { unit } = await makeOutreachUnit(ctx.db);
    const day = await serviceDay(ctx.db, unit.code, 1);
    const village = await villageIn(ctx.db, '53.71');
    const [good] = participantLines(1);
    const csv = [
      'nik,name,birth_date',
      good!.replaceAll(';', ','),
      '123,Pendek,1990-01-01',
      `${good!.split(';')[0]},"Nama, Dengan Koma",1990-01-01`,
      '',
      '5371010507900001,,1990-07-05',
    ].join('\r\n');
    const body = requestBody(unit.code, village, [day], { participantsCsv: csv });
    const res = await request(body);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual({
      'participants:3': 'NIK harus 16 angka yang sah.',
      'participants:4': 'Tanggal lahir tidak cocok dengan NIK.',
      'participants:6': 'Nama harus 2 sampai 100 huruf.',
    });
    expect(await ctx.db.select().from(outreachSessions).where(eq(outreachSessions.requestId, body.requestId))).toEqual(
      [],
    );

    // The page shows every bad row of an uploaded file.
    const browser = new Browser(ctx.app);
    const form = await browser.get('/eazy-paspor/ajukan');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const { multipart } = await import('../../test/uploads.ts');
    const fields = {
      _csrf: csrf,
      requestId: crypto.randomUUID(),
      organiserKind: 'school',
      organiserName: 'SMA Negeri Uji',
      contactName: 'Ibu Guru',
      contactPhone: '081234567891',
      contactEmail: '',
      venue: 'Aula sekolah',
      venueVillage_province: '53',
      venueVillage_regency: '53.71',
      venueVillage_district: village.slice(0, 8),
      venueVillage_village: village,
      unitCode: unit.code,
      date1: day,
      date2: '',
      date3: '',
      expectedParticipants: '35',
      participantsText: '',
    };
    const upload = multipart(fields, {
      field: 'participantsFile',
      filename: 'peserta.csv',
      type: 'text/csv',
      bytes: Buffer.from(csv),
    });
    const page = await ctx.app.inject({
      method: 'POST',
      url: '/eazy-paspor/ajukan',
      payload: upload.payload,
      headers: { ...upload.headers, cookie: browser.cookieHeader },
    });
    expect(page.statusCode).toBe(422);
    for (const line of ['Baris 3: NIK harus', 'Baris 4: Tanggal lahir tidak cocok', 'Baris 6: Nama harus'])
      expect(page.body).toContain(line);
    expect(
      await ctx.db.select().from(outreachSessions).where(eq(outreachSessions.requestId, fields.requestId)),
    ).toEqual([]);

    // The same form with a good file is accepted and lands on the confirmation page.
    const fine = multipart(
      { ...fields, requestId: crypto.randomUUID() },
      {
        field: 'participantsFile',
        filename: 'peserta.csv',
        type: 'text/csv',
        bytes: Buffer.from(`nik,name,birth_date\n${good!.replaceAll(';', ',')}\n`),
      },
    );
    const sent = await ctx.app.inject({
      method: 'POST',
      url: '/eazy-paspor/ajukan',
      payload: fine.payload,
      headers: { ...fine.headers, cookie: browser.cookieHeader },
    });
    expect(sent.statusCode, sent.body).toBe(303);
    const confirmation = await browser.get(sent.headers.location as string);
    const code = /EZ[0-9A-Z]{10}/.exec(confirmation.body)![0];
    const [stored] = await ctx.db
      .select()
      .from(sessionParticipants)
      .innerJoin(outreachSessions, eq(outreachSessions.id, sessionParticipants.sessionId))
      .where(eq(outreachSessions.trackingCode, code));
    expect(stored?.session_participants).toMatchObject({ source: 'csv', fullName: 'Peserta 1' });
  });

  it('refuses fewer participants than the minimum, past dates and a village that does not exist', async () => {
    const { unit } = await makeOutreachUnit(ctx.db);
    const res = await request(requestBody(unit.code, '53.71.99.9999', [witaDate()], { expectedParticipants: 29 }));
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      'expectedParticipants',
      'preferredDates',
      'venueVillage',
    ]);
  });

  it('lists upcoming approved sessions by regency with public fields only', async () => {
    const { unit, head, officerA } = await makeOutreachUnit(ctx.db);
    const day = await serviceDay(ctx.db, unit.code, 2);
    const inKupang = await villageIn(ctx.db, '53.71');
    const elsewhere = await villageIn(ctx.db, '53.01');
    const headBrowser = await as(head);
    const approveAt = async (village: string, organiserName: string, officerId: string) => {
      const { trackingCode } = (await request(requestBody(unit.code, village, [day], { organiserName }))).json<{
        trackingCode: string;
      }>();
      const session = await sessionByCode(trackingCode);
      await headBrowser.get(`/officer/outreach/sessions/${session.id}`);
      expect(
        (
          await headBrowser.post(`/officer/outreach/sessions/${session.id}/approve`, {
            date: day,
            capacity: '30',
            officerIds: officerId,
            deliveryMode: 'community',
          })
        ).statusCode,
      ).toBe(303);
      return session;
    };
    const kupang = await approveAt(inKupang, `Gereja Kupang ${unit.code}`, officerA.id);
    await approveAt(elsewhere, `Sekolah Lain ${unit.code}`, head.id);
    await request(requestBody(unit.code, inKupang, [day], { organiserName: `Belum Disetujui ${unit.code}` }));

    const list = (await ctx.app.inject({ method: 'GET', url: '/api/v1/outreach/sessions?regency=53.71' })).json<
      Record<string, unknown>[]
    >();
    const mine = list.filter((s) => s.unitCode === unit.code);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      organiserName: `Gereja Kupang ${unit.code}`,
      date: day,
      regencyCode: '53.71',
      organiserKind: 'village',
      capacity: 30,
    });
    expect(Object.keys(mine[0]!).sort()).toEqual([
      'capacity',
      'date',
      'districtName',
      'organiserKind',
      'organiserName',
      'regencyCode',
      'regencyName',
      'unitCode',
      'unitName',
      'venue',
      'villageName',
    ]);
    const page = await new Browser(ctx.app).get('/eazy-paspor?regency=53.71');
    expect(page.body).toContain(`Gereja Kupang ${unit.code}`);
    expect(page.body).not.toContain(`Sekolah Lain ${unit.code}`);
    expect(page.body).not.toContain(`Belum Disetujui ${unit.code}`);
    const session = await sessionByCode(kupang.trackingCode);
    for (const secret of [session.sessionCode!, session.trackingCode, session.contactPhone, session.contactEmail!]) {
      expect(page.body).not.toContain(secret);
      expect(JSON.stringify(list)).not.toContain(secret);
    }
  });
});
