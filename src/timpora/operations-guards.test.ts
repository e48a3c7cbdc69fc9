import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { exe, postMultipart } from '../../test/uploads.ts';
import { apiTokenOf, makeLodging } from '../lodgings/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { countOperations } from './count-operations.ts';
import { initials, partialDocumentNumber } from './mask-identity.ts';
import { timporaFindings, timporaMeetings, timporaOperations, timporaRecommendations } from './schema.ts';
import { kupangVillage, makeAgency, makeOperation, makePartner, makeTeam } from './test-support.ts';

describeApp('Timpora guards: photos, masking, scope, counts and request ids', (ctx) => {
  let officer: Account;
  let token: string;
  let village: string;
  const api = (bearer: string, url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${bearer}` }, payload });
  const finding = (operationId: string, body: Record<string, unknown>, bearer = token) =>
    api(bearer, `/api/v1/oversight/operations/${operationId}/findings`, {
      villageCode: village,
      nationality: 'AUS',
      outcome: 'no_violation',
      ...body,
    });

  beforeAll(async () => {
    officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    token = await apiTokenOf(ctx.db, officer);
    village = await kupangVillage(ctx.db);
  });

  it('refuses a photo of whitespace ending in a bad character, without backtracking for ever', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const res = await finding(op.id, { photos: [`${' '.repeat(200_000)}!`] });
    expect(res.statusCode).toBe(422);
    expect(await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id))).toEqual([]);
  });

  it('masks a short document number wholly, a long one but its first and last character, a name to initials', () => {
    expect(partialDocumentNumber('X1234567')).toBe('****');
    expect(partialDocumentNumber('X12345679')).toBe('X*******9');
    expect(partialDocumentNumber('AB')).toBe('****');
    expect(initials('MORRIS', 'KATE ANN')).toBe('M. K. A.');
  });

  it('takes a village code typed as ten digits, as a number pad sends it', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const res = await finding(op.id, { villageCode: village.replaceAll('.', '') });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id));
    expect(row!.villageCode).toBe(village);
  });

  it('records one finding per officer when two officers send the same request id', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const other = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    const requestId = `shared-${crypto.randomUUID()}`;
    const first = await finding(op.id, { requestId });
    const second = await finding(op.id, { requestId }, await apiTokenOf(ctx.db, other));
    expect(second.json()).toMatchObject({ repeated: false });
    expect(second.json<{ id: string }>().id).not.toBe(first.json<{ id: string }>().id);
    const rows = await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id));
    expect(rows.map((r) => r.recordedBy).sort()).toEqual([officer.id, other.id].sort());
  });

  it('refuses another unit’s team, and a recommendation from another team’s meeting; nothing is written', async () => {
    const [own, foreign, unrelated] = [
      await makeTeam(ctx.db),
      await makeTeam(ctx.db, { unitCode: 'KANIM-LAIN' }),
      await makeTeam(ctx.db),
    ];
    const [meeting] = await ctx.db
      .insert(timporaMeetings)
      .values({ teamId: unrelated.id, heldOn: '2026-02-01', place: 'Kupang', agenda: 'Rapat' })
      .returning();
    const [rec] = await ctx.db
      .insert(timporaRecommendations)
      .values({ meetingId: meeting!.id, text: 'Operasi', agencyId: (await makeAgency(ctx.db)).id, dueOn: '2026-03-01' })
      .returning();
    const plan = (teamIds: string[], recommendationId?: string) =>
      api(token, '/api/v1/oversight/operations', {
        title: `Operasi ${crypto.randomUUID()}`,
        teamIds,
        ...(recommendationId ? { recommendationId } : {}),
        startsOn: '2026-03-02',
        endsOn: '2026-03-03',
      });
    expect((await plan([own.id, foreign.id])).statusCode).toBe(403);
    const misplaced = await plan([own.id], rec!.id);
    expect(misplaced.statusCode).toBe(422);
    expect(misplaced.json().error.fields).toHaveProperty('recommendationId');
    const written = await ctx.db
      .select()
      .from(timporaOperations)
      .where(inArray(timporaOperations.recommendationId, [rec!.id]));
    expect(written).toEqual([]);
    expect((await plan([unrelated.id, own.id], rec!.id)).statusCode).toBe(200);
  });

  it('counts only operations held (in the field or reported), not planned ones', async () => {
    const team = await makeTeam(ctx.db);
    for (const status of ['recommendation', 'preparation', 'operation', 'reported', 'cancelled'] as const) {
      const op = await makeOperation(ctx.db, [team], status);
      await ctx.db.update(timporaOperations).set({ startsOn: '2011-05-10' }).where(eq(timporaOperations.id, op.id));
    }
    const figures = await countOperations(ctx.db, { from: '2011-05-01', to: '2011-05-31' });
    expect(figures).toMatchObject([{ unitCode: 'KANIM-KUPANG', month: '2011-05', operations: 2 }]);
  });

  it('shows a bad photo’s error at the photo field', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const url = `/officer/timpora/operations/${op.id}/findings`;
    const fields = { nationality: 'IND', outcome: 'secured', violation: 'no_document', villageCode: village };
    const photo = { field: 'photo', filename: 'foto.png', type: 'image/png', bytes: exe };
    const bad = await postMultipart(ctx.app, browser, url, `${url}/new`, { ...fields, requestId: 'bad-photo' }, photo);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/class="field has-error">\s*<label for="f-photo">/);
  });

  it('answers a page form with bad input with 422, not 409', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const step = await browser.post(
      `/officer/timpora/operations/${op.id}/actions`,
      { step: 'fly', requestId: 'bad-step' },
      `/officer/timpora/operations/${op.id}`,
    );
    expect(step.statusCode).toBe(422);
  });
  it('refuses given names in another script, and takes a document without expiry (null, as a scanned MRZ gives)', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const doc = { documentNumber: `N${Date.now() % 1e8}`, surname: 'ORLOV', birthDate: '1980-01-02', sex: 'M' };
    const cyrillic = await finding(op.id, { ...doc, givenNames: 'ИВАН' });
    expect(cyrillic.statusCode).toBe(422);
    expect(cyrillic.json().error.fields).toHaveProperty('givenNames');
    const noExpiry = await finding(op.id, { ...doc, givenNames: 'IVAN', expiresOn: null });
    expect(noExpiry.statusCode, noExpiry.body).toBe(200);
  });
  it('refuses a lodging outside the officer’s units as a target, and an unknown village', async () => {
    const team = await makeTeam(ctx.db);
    const { lodging: own } = await makeLodging(ctx.db, { regencyCode: '53.71', unitCode: 'KANIM-KUPANG' });
    const { lodging: far } = await makeLodging(ctx.db);
    const plan = (lodgingIds: string[], villageCodes: string[] = []) =>
      api(token, '/api/v1/oversight/operations', {
        title: `Operasi ${crypto.randomUUID()}`,
        teamIds: [team.id],
        startsOn: '2026-03-02',
        endsOn: '2026-03-03',
        lodgingIds,
        villageCodes,
      });
    const refused = await plan([own.id, far.id], [village, '53.71.99.9999']);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toMatchObject({
      lodgingIds: expect.any(String),
      villageCodes: expect.any(String),
    });
    const planned = await plan([own.id], [village]);
    expect(planned.statusCode, planned.body).toBe(200);
  });
  it('refuses a check timed before the operation starts', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const early = await finding(op.id, { foundAt: '2026-03-01T23:00:00+08:00' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields).toHaveProperty('foundAt');
    expect((await finding(op.id, { foundAt: '2026-03-02T00:30:00+08:00' })).statusCode).toBe(200);
  });
  it('lists a partner’s operations alone, its read audited with what it listed, not the whole overview', async () => {
    const team = await makeTeam(ctx.db);
    const agency = await makeAgency(ctx.db);
    const partner = await makePartner(ctx.db, agency, [team]);
    const op = await makeOperation(ctx.db, [team]);
    const listed = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/oversight/operations',
      headers: { authorization: `Bearer ${await apiTokenOf(ctx.db, partner)}` },
    });
    expect(listed.json<{ id: string }[]>().map((o) => o.id)).toEqual([op.id]);
    const reads = await ctx.db.select().from(auditLog).where(eq(auditLog.actorId, partner.id));
    expect(reads.map((r) => [r.action, r.details])).toEqual([
      ['timpora.partner.browse', { agencyId: agency.id, operations: 1 }],
    ]);
  });
});
