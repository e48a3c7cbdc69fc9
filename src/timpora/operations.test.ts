import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeOfficer, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { exe, png, postMultipart } from '../../test/uploads.ts';
import { makeForeigner, makeTravelDocument, mrzOf } from '../foreigners/test-support.ts';
import { apiTokenOf, makeLodging } from '../lodgings/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import type { Account } from '../platform/auth/schema.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { makeStayPermit } from '../stay-permits/test-support.ts';
import { countOperations } from './count-operations.ts';
import { findFindingForCase } from './find-finding.ts';
import { partialDocumentNumber } from './mask-identity.ts';
import { operationActions, timporaFindings, timporaOperations } from './schema.ts';
import { kupangVillage, makeAgency, makeOperation, makePartner, makeTeam } from './test-support.ts';

describeApp('Timpora joint operations and findings', (ctx) => {
  let officer: Account;
  let token: string;
  let village: string;
  const birthDate = birthDatesFrom(1971);
  const api = (bearer: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
  const finding = (operationId: string, body: Record<string, unknown>, bearer = token) =>
    api(bearer, 'POST', `/api/v1/oversight/operations/${operationId}/findings`, {
      villageCode: village,
      outcome: 'no_violation',
      ...body,
    });

  beforeAll(async () => {
    officer = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: 'KANIM-KUPANG' });
    token = await apiTokenOf(ctx.db, officer);
    village = await kupangVillage(ctx.db);
  });

  it('moves an operation recommendation → preparation → operation → reported; a refused step changes nothing', async () => {
    const team = await makeTeam(ctx.db);
    const { lodging } = await makeLodging(ctx.db, { regencyCode: '53.71', unitCode: 'KANIM-KUPANG' });
    const created = await api(token, 'POST', '/api/v1/oversight/operations', {
      title: 'Operasi penginapan Kelapa Lima',
      teamIds: [team.id],
      startsOn: '2026-03-02',
      endsOn: '2026-03-03',
      places: 'Pantai Lasiana',
      lodgingIds: [lodging.id],
      villageCodes: [village],
      requestId: `op-${crypto.randomUUID()}`,
    });
    expect(created.statusCode, created.body).toBe(200);
    const op = created.json<{ id: string; status: string }>();
    expect(op.status).toBe('recommendation');
    const step = (s: string, requestId: string) =>
      api(token, 'POST', `/api/v1/oversight/operations/${op.id}/actions`, { step: s, requestId });
    // No findings before the field, and no report before the field.
    expect((await finding(op.id, { nationality: 'AUS' })).statusCode).toBe(409);
    const early = await step('report', 'op-report-early');
    expect(early.statusCode).toBe(409);
    const [unchanged] = await ctx.db.select().from(timporaOperations).where(eq(timporaOperations.id, op.id));
    expect(unchanged!.status).toBe('recommendation');
    const actions = () => ctx.db.select().from(operationActions).where(eq(operationActions.operationId, op.id));
    expect((await actions()).map((a) => a.type)).toEqual(['create']);
    expect((await step('prepare', 'op-prepare-1')).json()).toMatchObject({ status: 'preparation' });
    expect((await step('prepare', 'op-prepare-1')).json()).toMatchObject({ status: 'preparation' });
    expect((await step('start', 'op-start-1')).json()).toMatchObject({ status: 'operation' });
    expect((await step('report', 'op-report-1')).json()).toMatchObject({ status: 'reported' });
    expect((await step('cancel', 'op-cancel-1')).statusCode).toBe(409);
    expect((await actions()).map((a) => a.type)).toEqual(['create', 'prepare', 'start', 'report']);
    const view = await api(token, 'GET', `/api/v1/oversight/operations/${op.id}`);
    expect(view.json()).toMatchObject({ lodgings: [{ id: lodging.id }], villageCodes: [village] });
  });

  it('records a finding once per request id, and a new person from the MRZ with no permit known', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const doc = makeTravelDocument({ nationality: 'BGD', issuingState: 'BGD', birthDate: birthDate() });
    const body = {
      mrz: mrzOf(doc),
      nationality: 'BGD',
      outcome: 'secured',
      violation: 'no_document',
      photos: [png.toString('base64')],
      requestId: `finding-${crypto.randomUUID()}`,
    };
    const first = await finding(op.id, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ permitState: 'none', repeated: false });
    const again = await finding(op.id, body);
    expect(again.json()).toMatchObject({ id: first.json<{ id: string }>().id, repeated: true });
    const rows = await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ nationality: 'BGD', documentNumber: doc.documentNumber });
    expect(rows[0]!.photoKeys).toHaveLength(1);
    expect(rows[0]!.foreignerId).not.toBeNull();
    // Found by its document next time, the same person.
    const lookup = await finding(op.id, { nationality: 'BGD', documentNumber: doc.documentNumber });
    expect(lookup.json<{ foreignerId: string }>().foreignerId).toBe(rows[0]!.foreignerId);
    const unknown = await finding(op.id, { nationality: 'BGD', documentNumber: 'ZZ0000001' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields).toHaveProperty('documentNumber');
  });

  it('checks the permit on the spot: valid, expired, and counts the report by type and nationality', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const today = witaDate();
    const holder = await makeForeigner(ctx.db, { nationality: 'AUS', birthDate: birthDate() });
    await makeStayPermit(ctx.db, { foreignerId: holder.id });
    const lapsed = await makeForeigner(ctx.db, { nationality: 'TLS', issuingState: 'TLS', birthDate: birthDate() });
    await makeStayPermit(ctx.db, {
      foreignerId: lapsed.id,
      type: 'itk',
      entryBasis: 'visa_free',
      validFrom: addDays(today, -40),
      entryDate: addDays(today, -40),
      validUntil: addDays(today, -10),
    });
    const valid = await finding(op.id, { nationality: 'AUS', documentNumber: holder.doc.documentNumber });
    expect(valid.json()).toMatchObject({ permitState: 'valid' });
    const expired = await finding(op.id, {
      nationality: 'TLS',
      documentNumber: lapsed.doc.documentNumber,
      outcome: 'documents_taken',
      violation: 'overstay',
    });
    expect(expired.json()).toMatchObject({ permitState: 'expired' });
    expect(
      (await finding(op.id, { nationality: 'TLS', outcome: 'secured', violation: 'illegal_entry' })).statusCode,
    ).toBe(200);
    // "No violation" takes none; "secured" needs one.
    expect((await finding(op.id, { nationality: 'TLS', violation: 'overstay' })).statusCode).toBe(422);
    const report = await api(token, 'GET', `/api/v1/oversight/operations/${op.id}/report`);
    expect(report.json()).toEqual({
      checked: 3,
      violations: 2,
      byViolation: { overstay: 1, illegal_entry: 1 },
      byNationality: [
        { nationality: 'TLS', checked: 2, violations: 2 },
        { nationality: 'AUS', checked: 1, violations: 0 },
      ],
      byOutcome: { no_violation: 1, secured: 1, documents_taken: 1, handed_to_agency: 0 },
    });
    const figures = await countOperations(ctx.db, { from: op.startsOn, to: op.startsOn });
    const kupang = figures.find((f) => f.unitCode === 'KANIM-KUPANG' && f.month === op.startsOn.slice(0, 7));
    expect(kupang!.checked).toBeGreaterThanOrEqual(3);
    expect(kupang!.violationsByNationality.TLS).toBeGreaterThanOrEqual(2);
    const id = expired.json<{ id: string }>().id;
    expect(await findFindingForCase(ctx.db, id)).toMatchObject({
      id,
      operationId: op.id,
      unitCode: 'KANIM-KUPANG',
      foreignerId: lapsed.id,
      violation: 'overstay',
      outcome: 'documents_taken',
    });
  });

  it('shows a partner only its teams’ operations, masked unless handed to its agency, every read audited', async () => {
    const [a, b] = [await makeTeam(ctx.db), await makeTeam(ctx.db)];
    const police = await makeAgency(ctx.db, 'police');
    const partnerA = await apiTokenOf(ctx.db, await makePartner(ctx.db, police, [a]));
    const partnerB = await apiTokenOf(ctx.db, await makePartner(ctx.db, await makeAgency(ctx.db), [b]));
    const op = await makeOperation(ctx.db, [a]);
    const kept = await makeForeigner(ctx.db, { surname: 'MORRIS', givenNames: 'KATE ANN', birthDate: birthDate() });
    const handed = await makeForeigner(ctx.db, { surname: 'SINGH', givenNames: 'RAVI', birthDate: birthDate() });
    await finding(op.id, { nationality: 'AUS', documentNumber: kept.doc.documentNumber });
    await finding(op.id, {
      nationality: 'AUS',
      documentNumber: handed.doc.documentNumber,
      outcome: 'handed_to_agency',
      handedToAgencyId: police.id,
      violation: 'other',
    });
    expect((await api(partnerB, 'GET', `/api/v1/oversight/operations/${op.id}`)).statusCode).toBe(404);
    expect((await api(partnerB, 'GET', '/api/v1/oversight/operations')).json()).toEqual([]);
    const seen = await api(partnerA, 'GET', `/api/v1/oversight/operations/${op.id}`);
    expect(seen.statusCode).toBe(200);
    const rows = seen.json<{ findings: { person: string; documentNumber: string; masked: boolean }[] }>().findings;
    expect(rows).toContainEqual(
      expect.objectContaining({
        foreignerId: null,
        person: 'M. K. A.',
        documentNumber: partialDocumentNumber(kept.doc.documentNumber),
        masked: true,
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        foreignerId: handed.id,
        person: 'SINGH, RAVI',
        documentNumber: handed.doc.documentNumber,
        masked: false,
      }),
    );
    expect(seen.body).not.toContain('MORRIS');
    expect(seen.body).not.toContain(kept.id);
    expect(seen.body).not.toContain(kept.doc.documentNumber);
    // Partners read; they neither record findings nor move operations.
    expect((await finding(op.id, { nationality: 'AUS' }, partnerA)).statusCode).toBe(403);
    const move = await api(partnerA, 'POST', `/api/v1/oversight/operations/${op.id}/actions`, { step: 'report' });
    expect(move.statusCode).toBe(403);
    const audited = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, op.id), eq(auditLog.action, 'timpora.operation.read')));
    expect(audited.map((e) => e.details)).toContainEqual(expect.objectContaining({ partnerAgencyId: police.id }));
  });

  it('takes a finding from the phone form without JavaScript and shows it on the operation page', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const form = await browser.get(`/officer/timpora/operations/${op.id}/findings/new`);
    expect(form.statusCode).toBe(200);
    const requestId = /name="requestId" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = {
      nationality: 'IND',
      outcome: 'secured',
      violation: 'no_document',
      villageCode: village,
      requestId,
    };
    const bad = await browser.post(`/officer/timpora/operations/${op.id}/findings`, { ...fields, villageCode: 'x' });
    expect(bad.statusCode).toBe(422);
    const sent = await browser.post(`/officer/timpora/operations/${op.id}/findings`, fields);
    expect(sent.statusCode, sent.body).toBe(303);
    expect((await browser.post(`/officer/timpora/operations/${op.id}/findings`, fields)).statusCode).toBe(303);
    const page = await browser.get(`/officer/timpora/operations/${op.id}`);
    expect(page.body).toContain('IND');
    const rows = await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id));
    expect(rows).toHaveLength(1);
  });

  it('stores a photo taken with the finding, sniffed, and refuses a program sent as one', async () => {
    const op = await makeOperation(ctx.db, [await makeTeam(ctx.db)]);
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, officer));
    const url = `/officer/timpora/operations/${op.id}/findings`;
    const fields = { nationality: 'IND', outcome: 'secured', violation: 'no_document', villageCode: village };
    const photo = (bytes: Buffer) => ({ field: 'photo', filename: 'foto.png', type: 'image/png', bytes });
    const bad = await postMultipart(
      ctx.app,
      browser,
      url,
      `${url}/new`,
      { ...fields, requestId: 'photo-bad-1' },
      photo(exe),
    );
    expect(bad.statusCode).toBe(422);
    const good = await postMultipart(
      ctx.app,
      browser,
      url,
      `${url}/new`,
      { ...fields, requestId: 'photo-good-1' },
      photo(png),
    );
    expect(good.statusCode, good.body.slice(0, 300)).toBe(303);
    const [row] = await ctx.db.select().from(timporaFindings).where(eq(timporaFindings.operationId, op.id));
    expect(row!.photoKeys).toHaveLength(1);
    const stored = await ctx.app.deps.storage.get(row!.photoKeys[0]!);
    expect(stored.mediaType).toBe('image/png');
  });
});
