import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { multipart, png, postMultipart } from '../../test/uploads.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { translator } from '../platform/i18n/index.ts';
import { listDocuments } from './required-documents.ts';
import { adultAnswers, answerUntil, applicationRow, citizenBrowser, startDraft } from './test-support.ts';
import { stepPath, wizardSteps } from './wizard-steps.ts';

const tId = translator('id');

describeApp('application pages: access', (ctx) => {
  it("refuses anonymous visitors, other citizens and officers on every route of someone's draft, changing nothing", async () => {
    const unit = await makeUnit(ctx.db);
    const { browser: owner } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(owner);
    const answers = await adultAnswers(ctx.db, unit.code);
    await answerUntil(owner, id, answers);
    const upload = await postMultipart(
      ctx.app,
      owner,
      `/applications/${id}/documents`,
      stepPath(id, 'documents'),
      { kind: 'ektp' },
      { filename: 'ktp.png', type: 'image/png', bytes: png },
    );
    expect(upload.statusCode).toBe(303);
    const [document] = await listDocuments(ctx.db, id);
    const before = { row: await applicationRow(ctx.db, id), documents: await listDocuments(ctx.db, id) };

    const pages = [
      `/applications/${id}`,
      `/applications/${id}/submitted`,
      `/applications/${id}/withdraw`,
      `/applications/${id}/check`,
      `/applications/${id}/documents/${document!.id}`,
      ...wizardSteps.map((s) => stepPath(id, s)),
    ];
    const forms: [string, Record<string, string>][] = [
      [`/applications/${id}/discard`, {}],
      [`/applications/${id}/withdraw`, {}],
      [`/applications/${id}/submit`, {}],
      [`/applications/${id}/documents/${document!.id}/delete`, {}],
      ...wizardSteps.map((s): [string, Record<string, string>] => [
        stepPath(id, s),
        s === 'documents' ? {} : answers[s],
      ]),
    ];
    const { browser: stranger, citizen: other } = await citizenBrowser(ctx.app, ctx.db);
    const officer = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'admin', unitCode: 'KANWIL-NTT' })),
    );
    const anonymous = new Browser(ctx.app);
    const problems: string[] = [];
    const forbidden = (who: string, url: string, res: { statusCode: number; body: string }) => {
      if (res.statusCode !== 403 || !res.body.includes(tId('errors.forbidden')))
        problems.push(`${who} ${url}: ${res.statusCode}`);
    };
    const toLogin = (url: string, res: { statusCode: number; headers: Record<string, unknown> }) => {
      if (res.statusCode !== 303 || res.headers.location !== `/login?next=${encodeURIComponent(url)}`)
        problems.push(`anonymous ${url}: ${res.statusCode} ${String(res.headers.location)}`);
    };
    for (const url of pages) {
      forbidden('citizen', url, await stranger.get(url));
      forbidden('officer', url, await officer.get(url));
      toLogin(url, await anonymous.get(url));
    }
    for (const [url, form] of forms) {
      for (const body of [form, {}]) {
        forbidden('citizen', url, await stranger.post(url, body, '/applications'));
        forbidden('officer', url, await officer.post(url, body, '/officer'));
        toLogin(url, await anonymous.post(url, body, '/login'));
      }
    }
    const uploadUrl = `/applications/${id}/documents`;
    forbidden(
      'citizen',
      uploadUrl,
      await postMultipart(
        ctx.app,
        stranger,
        uploadUrl,
        '/applications',
        { kind: 'kk' },
        { filename: 'kk.png', type: 'image/png', bytes: png },
      ),
    );
    toLogin(
      uploadUrl,
      await postMultipart(
        ctx.app,
        anonymous,
        uploadUrl,
        '/login',
        { kind: 'kk' },
        { filename: 'kk.png', type: 'image/png', bytes: png },
      ),
    );

    const api = `/api/v1/applications/${id}/documents`;
    const body = multipart({ kind: 'kk' }, { filename: 'kk.png', type: 'image/png', bytes: png });
    const token = (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), other.id, 'test'))).token;
    const asOther = await ctx.app.inject({
      method: 'POST',
      url: api,
      payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${token}` },
    });
    const asNobody = await ctx.app.inject({ method: 'POST', url: api, payload: body.payload, headers: body.headers });
    // A session cookie never authorises an API write, even the owner's.
    const asCookie = await ctx.app.inject({
      method: 'POST',
      url: api,
      payload: body.payload,
      headers: { ...body.headers, cookie: owner.cookieHeader },
    });
    if (asOther.statusCode !== 403) problems.push(`citizen ${api}: ${asOther.statusCode}`);
    for (const res of [asNobody, asCookie])
      if (res.statusCode !== 401) problems.push(`anonymous ${api}: ${res.statusCode}`);

    expect(problems).toEqual([]);
    expect({ row: await applicationRow(ctx.db, id), documents: await listDocuments(ctx.db, id) }).toEqual(before);
  });

  it("lists only the signed-in citizen's own applications, and sends visitors to sign in", async () => {
    const { browser: owner } = await citizenBrowser(ctx.app, ctx.db);
    const id = await startDraft(owner);
    const { browser: other } = await citizenBrowser(ctx.app, ctx.db);
    expect((await owner.get('/applications')).body).toContain(`/applications/${id}"`);
    const theirs = await other.get('/applications');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain(id);
    expect(theirs.body).toContain(tId('applications.none'));
    const visitor = await new Browser(ctx.app).get('/applications');
    expect(visitor.headers.location).toBe('/login?next=%2Fapplications');
    const officer = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'counter_officer' })),
    );
    expect((await officer.get('/applications')).statusCode).toBe(403);
    expect((await officer.post('/applications', {}, '/officer')).statusCode).toBe(403);
  });
});
