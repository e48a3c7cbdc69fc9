import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer } from '../../test/factories.ts';
import { apiTokenOf } from '../lodgings/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { listDistricts } from '../regions/queries.ts';
import { recommendationActions, timporaRecommendations } from './schema.ts';
import { makeAgency, makePartner, makeTeam } from './test-support.ts';

describeApp('Timpora teams and meetings', (ctx) => {
  let kanwilHead: string;
  let kupangOfficer: string;
  const api = async (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const tokenOf = async (account: Account) => apiTokenOf(ctx.db, account);
  const team = (overrides: Record<string, unknown>) => ({
    name: 'Timpora Uji',
    decreeNumber: 'W21.IMI-GR.03.02-1',
    decreeDate: '2025-09-10',
    chairName: 'Kakanwil',
    chairPosition: 'Kepala Kantor Wilayah',
    ...overrides,
  });

  beforeAll(async () => {
    kanwilHead = await tokenOf(await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: 'KANWIL-NTT' }));
    kupangOfficer = await tokenOf(await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' }));
  });

  it('builds the tree: a provincial team at the Kanwil, a regency team under it, a kecamatan team under that', async () => {
    const province = await api(
      kanwilHead,
      'POST',
      '/api/v1/oversight/teams',
      team({ level: 'province', unitCode: 'KANWIL-NTT' }),
    );
    expect(province.statusCode, province.body).toBe(200);
    const provinceId = province.json<{ id: string }>().id;
    // A Kanim does not run a provincial team, and a regency team needs its regency.
    const wrong = await api(
      kanwilHead,
      'POST',
      '/api/v1/oversight/teams',
      team({ level: 'province', unitCode: 'KANIM-KUPANG' }),
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields).toHaveProperty('unitCode');
    const regency = await api(
      kupangOfficer,
      'POST',
      '/api/v1/oversight/teams',
      team({
        level: 'regency',
        unitCode: 'KANIM-KUPANG',
        regionCode: '53.01',
        parentId: provinceId,
        chairName: 'Kakanim',
      }),
    );
    expect(regency.statusCode, regency.body).toBe(200);
    const regencyId = regency.json<{ id: string }>().id;
    const [district] = await listDistricts(ctx.db, '53.01');
    const kecamatan = await api(
      kupangOfficer,
      'POST',
      '/api/v1/oversight/teams',
      team({ level: 'district', unitCode: 'KANIM-KUPANG', regionCode: district!.code, parentId: regencyId }),
    );
    expect(kecamatan.statusCode, kecamatan.body).toBe(200);
    // The Kanim's officer may not form the Kanwil's team.
    const outOfScope = await api(
      kupangOfficer,
      'POST',
      '/api/v1/oversight/teams',
      team({ level: 'province', unitCode: 'KANWIL-NTT' }),
    );
    expect(outOfScope.statusCode).toBe(403);
    const tree = (await api(kanwilHead, 'GET', '/api/v1/oversight/teams')).json<{ id: string; depth: number }[]>();
    const depthOf = (id: string) => tree.find((t) => t.id === id)?.depth;
    expect([depthOf(provinceId), depthOf(regencyId), depthOf(kecamatan.json<{ id: string }>().id)]).toEqual([0, 1, 2]);
  });

  it('refuses a parent team over another region, or of a neighbouring unit', async () => {
    const [kupangDistrict] = await listDistricts(ctx.db, '53.71');
    const [otherDistrict] = await listDistricts(ctx.db, '53.01');
    const kupangTeam = await makeTeam(ctx.db);
    const neighbour = await makeTeam(ctx.db, { unitCode: 'KANIM-LABUAN-BAJO' });
    const kecamatan = (parentId: string, regionCode: string) =>
      api(
        kupangOfficer,
        'POST',
        '/api/v1/oversight/teams',
        team({ level: 'district', unitCode: 'KANIM-KUPANG', regionCode, parentId }),
      );
    const elsewhere = await kecamatan(kupangTeam.id, otherDistrict!.code);
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.fields).toHaveProperty('parentId');
    const neighbours = await kecamatan(neighbour.id, kupangDistrict!.code);
    expect(neighbours.statusCode).toBe(422);
    expect(neighbours.json().error.fields).toHaveProperty('parentId');
    expect((await kecamatan(kupangTeam.id, kupangDistrict!.code)).statusCode).toBe(200);
  });

  it('links a partner account to teams for one agency only, and shows the partner only its teams', async () => {
    const [a, b] = [await makeTeam(ctx.db), await makeTeam(ctx.db)];
    const police = await makeAgency(ctx.db, 'police');
    const satpol = await makeAgency(ctx.db, 'satpol_pp');
    for (const agency of [police, satpol]) {
      const seated = await api(kupangOfficer, 'POST', `/api/v1/oversight/teams/${a.id}/agencies`, {
        agencyId: agency.id,
        contactName: 'Ipda Yosef',
        contactPhone: '0812 3456 7890',
      });
      expect(seated.statusCode, seated.body).toBe(200);
    }
    const partner = await makeOfficer(ctx.db, { role: 'partner' });
    const link = (agencyId: string, teamId = a.id) =>
      api(kupangOfficer, 'POST', `/api/v1/oversight/teams/${teamId}/partners`, { email: partner.email, agencyId });
    expect((await link(police.id)).statusCode).toBe(200);
    const other = await link(satpol.id);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.fields).toHaveProperty('agencyId');
    // Team b has no police seat yet.
    expect((await link(police.id, b.id)).statusCode).toBe(422);
    const seen = (await api(await tokenOf(partner), 'GET', '/api/v1/oversight/teams')).json<{ id: string }[]>();
    expect(seen.map((t) => t.id)).toEqual([a.id]);
  });

  it('records a meeting once per request id and follows a recommendation up to done, by its own agency only', async () => {
    const t = await makeTeam(ctx.db);
    const satpol = await makeAgency(ctx.db, 'satpol_pp');
    const police = await makeAgency(ctx.db, 'police');
    const satpolPartner = await tokenOf(await makePartner(ctx.db, satpol, [t]));
    const policePartner = await tokenOf(await makePartner(ctx.db, police, [t]));
    const body = {
      heldOn: '2026-02-10',
      place: 'Aula Kanim Kupang',
      agenda: 'Pengawasan orang asing di Kota Kupang',
      agenciesPresent: [satpol.id, police.id],
      notes: 'Operasi gabungan di penginapan',
      recommendations: [{ text: 'Mendata penginapan tanpa laporan', agencyId: satpol.id, dueOn: '2026-03-10' }],
      requestId: `meeting-${crypto.randomUUID()}`,
    };
    const first = await api(kupangOfficer, 'POST', `/api/v1/oversight/teams/${t.id}/meetings`, body);
    expect(first.statusCode, first.body).toBe(200);
    const again = await api(kupangOfficer, 'POST', `/api/v1/oversight/teams/${t.id}/meetings`, body);
    expect(again.json()).toEqual(first.json());
    const meetingId = first.json<{ id: string }>().id;
    const [rec] = await ctx.db
      .select()
      .from(timporaRecommendations)
      .where(eq(timporaRecommendations.meetingId, meetingId));
    expect(rec).toBeDefined();

    const follow = (token: string, step: string, requestId: string) =>
      api(token, 'POST', `/api/v1/oversight/recommendations/${rec!.id}/actions`, {
        step,
        note: 'Sudah didata 12 penginapan',
        requestId,
      });
    expect((await follow(policePartner, 'done', 'rec-police-1')).statusCode).toBe(403);
    expect((await follow(satpolPartner, 'note', 'rec-satpol-1')).statusCode).toBe(200);
    expect((await follow(satpolPartner, 'done', 'rec-satpol-2')).json()).toMatchObject({ status: 'done' });
    expect((await follow(satpolPartner, 'done', 'rec-satpol-2')).statusCode).toBe(200);
    expect((await follow(kupangOfficer, 'done', 'rec-officer-1')).statusCode).toBe(409);
    const history = await ctx.db
      .select()
      .from(recommendationActions)
      .where(eq(recommendationActions.recommendationId, rec!.id));
    expect(history.map((h) => h.type)).toEqual(['note', 'done']);

    const read = await api(policePartner, 'GET', `/api/v1/oversight/meetings/${meetingId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().recommendations[0]).toMatchObject({
      status: 'done',
      history: [{ type: 'done' }, { type: 'note' }],
    });
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, meetingId), eq(auditLog.action, 'timpora.meeting.read')));
    expect(audited).toHaveLength(1);
  });

  it('keeps a partner out of another team’s meeting and writes the minutes as a PDF', async () => {
    const [mine, theirs] = [await makeTeam(ctx.db), await makeTeam(ctx.db)];
    const partner = await tokenOf(await makePartner(ctx.db, await makeAgency(ctx.db), [mine]));
    const made = await api(kupangOfficer, 'POST', `/api/v1/oversight/teams/${theirs.id}/meetings`, {
      heldOn: '2026-02-11',
      place: 'Kupang',
      agenda: 'Rapat',
      agenciesPresent: [],
    });
    const meetingId = made.json<{ id: string }>().id;
    expect((await api(partner, 'GET', `/api/v1/oversight/meetings/${meetingId}`)).statusCode).toBe(404);
    const pdf = await ctx.app.inject({
      method: 'GET',
      url: `/officer/timpora/meetings/${meetingId}/minutes.pdf`,
      headers: {
        cookie: await (
          await import('../../test/factories.ts')
        ).sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'oversight_officer' })),
      },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
