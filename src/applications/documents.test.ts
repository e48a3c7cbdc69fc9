import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeOfficer, makeUnit, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { exe, html, jpeg, multipart, pdf, png, postMultipart } from '../../test/uploads.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { translator } from '../platform/i18n/index.ts';
import { maxDocumentsPerApplication } from './add-document.ts';
import { applicationDocuments, applications } from './schema.ts';
import { adultAnswers, answerUntil, citizenBrowser, startDraft } from './test-support.ts';
import { stepPath } from './wizard-steps.ts';

const tId = translator('id');
const maxBytes = 64 * 1024;
const quotaBytes = 2 * 1024 * 1024;

describeApp(
  'application documents',
  (ctx) => {
    const tokenFor = async (accountId: string) =>
      (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
    const apiUpload = (
      token: string,
      id: string,
      fields: Record<string, string>,
      file?: Parameters<typeof multipart>[1],
    ) => {
      const body = multipart(fields, file);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/documents`,
        payload: body.payload,
        headers: { ...body.headers, authorization: `Bearer ${token}` },
      });
    };
    const draftAtDocuments = async () => {
      const unit = await makeUnit(ctx.db);
      const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
      const id = await startDraft(browser);
      await answerUntil(browser, id, await adultAnswers(ctx.db, unit.code));
      return { citizen, browser, id, unit };
    };

    it('accepts real PNG, JPEG and PDF files by their content, whatever name and type the client claims', async () => {
      const { browser, id } = await draftAtDocuments();
      const page = stepPath(id, 'documents');
      const sent = [
        ['ektp', png, 'ktp.pdf', 'application/pdf'],
        ['kk', jpeg, 'kk', 'application/octet-stream'],
        ['akta_kelahiran', pdf, 'akta.png', 'image/png'],
      ] as const;
      for (const [kind, bytes, filename, type] of sent) {
        const res = await postMultipart(
          ctx.app,
          browser,
          `/applications/${id}/documents`,
          page,
          { kind },
          { filename, type, bytes },
        );
        expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
        expect(res.headers.location).toBe(page);
      }
      const rows = await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, id));
      expect(rows.map((r) => [r.kind, r.mediaType, r.size, r.originalName]).sort()).toEqual([
        ['akta_kelahiran', 'application/pdf', pdf.length, 'akta.png'],
        ['ektp', 'image/png', png.length, 'ktp.pdf'],
        ['kk', 'image/jpeg', jpeg.length, 'kk'],
      ]);
      const listed = await browser.get(page);
      expect(listed.body).toContain('akta.png');

      const ektp = rows.find((r) => r.kind === 'ektp')!;
      const download = await browser.get(`/applications/${id}/documents/${ektp.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(png)).toBe(true);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['content-disposition']).toBe('attachment; filename="ektp.png"');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
    });

    it('refuses programs and web pages dressed as images, files too large, and uploads without a file', async () => {
      const { citizen, browser, id } = await draftAtDocuments();
      const token = await tokenFor(citizen.id);
      for (const bytes of [exe, html, Buffer.from('just some text')]) {
        const res = await apiUpload(token, id, { kind: 'ektp' }, { filename: 'ktp.png', type: 'image/png', bytes });
        expect(res.statusCode).toBe(422);
        expect(res.json().error).toMatchObject({ code: 'validation_failed', fields: { file: tId('v.fileType') } });
      }
      const big = await apiUpload(
        token,
        id,
        { kind: 'ektp' },
        { filename: 'ktp.png', type: 'image/png', bytes: Buffer.concat([png, Buffer.alloc(maxBytes)]) },
      );
      expect(big.statusCode).toBe(413);
      expect(big.json().error).toMatchObject({ code: 'payload_too_large', fields: { file: tId('v.fileTooLarge') } });
      const none = await apiUpload(token, id, { kind: 'ektp' });
      expect(none.json().error.fields).toEqual({ file: tId('v.fileRequired') });
      const badKind = await apiUpload(
        token,
        id,
        { kind: 'selfie' },
        { filename: 'a.png', type: 'image/png', bytes: png },
      );
      expect(badKind.json().error.fields).toEqual({ kind: tId('v.choose') });

      // The page form shows the same refusals on the page, with the error summary.
      const page = stepPath(id, 'documents');
      const disguised = await postMultipart(
        ctx.app,
        browser,
        `/applications/${id}/documents`,
        page,
        { kind: 'ektp' },
        { filename: 'ktp.png', type: 'image/png', bytes: html },
      );
      expect(disguised.statusCode).toBe(422);
      expect(disguised.body).toContain('href="#f-file"');
      expect(disguised.body).toContain(tId('v.fileType'));
      const tooBig = await postMultipart(
        ctx.app,
        browser,
        `/applications/${id}/documents`,
        page,
        { kind: 'ektp' },
        { filename: 'ktp.png', type: 'image/png', bytes: Buffer.alloc(maxBytes + 1) },
      );
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.body).toContain(tId('v.fileTooLarge'));
      const empty = await postMultipart(
        ctx.app,
        browser,
        `/applications/${id}/documents`,
        page,
        { kind: 'ektp' },
        { filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
      );
      expect(empty.statusCode).toBe(422);
      expect(empty.body).toContain(tId('v.fileRequired'));
      // Without the form's CSRF token nothing is stored, even with a valid file.
      const forged = multipart({ kind: 'ektp' }, { filename: 'a.png', type: 'image/png', bytes: png });
      const csrf = await ctx.app.inject({
        method: 'POST',
        url: `/applications/${id}/documents`,
        payload: forged.payload,
        headers: { ...forged.headers, cookie: browser.cookieHeader },
      });
      expect(csrf.statusCode).toBe(403);
      expect(
        await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, id)),
      ).toEqual([]);
    });

    it('lets API clients add documents to a submitted application (201 with what was stored), up to a limit', async () => {
      const unit = await makeUnit(ctx.db);
      const application = await makeApplication(ctx.db, { unitCode: unit.code });
      const res = await apiUpload(
        await tokenFor(application.accountId),
        application.id,
        { kind: 'kk' },
        { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'kk', mediaType: 'application/pdf', size: pdf.length });
      expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
      const full = Array.from({ length: maxDocumentsPerApplication - 1 }, (_, i) => ({
        applicationId: application.id,
        kind: 'kk' as const,
        storageKey: `test/${i}`,
        mediaType: 'application/pdf',
        size: 1,
        sha256: '0',
      }));
      await ctx.db.insert(applicationDocuments).values(full);
      const overfull = await apiUpload(
        await tokenFor(application.accountId),
        application.id,
        { kind: 'kk' },
        { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
      );
      expect(overfull.statusCode).toBe(422);
      expect(overfull.json().error.fields).toEqual({ file: tId('v.tooManyDocuments') });
      const cancelled = await makeApplication(ctx.db, { unitCode: unit.code, status: 'cancelled' });
      const late = await apiUpload(
        await tokenFor(cancelled.accountId),
        cancelled.id,
        { kind: 'kk' },
        { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
      );
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('invalid_transition');
    });

    it('keeps each account within its upload space across all its applications, storing nothing over it', async () => {
      const unit = await makeUnit(ctx.db);
      const first = await makeApplication(ctx.db, { unitCode: unit.code });
      const second = await makeApplication(ctx.db, {
        unitCode: unit.code,
        accountId: first.accountId,
        passportType: 'biasa',
      });
      const token = await tokenFor(first.accountId);
      // Files the account already keeps, leaving less room than one more PDF.
      await ctx.db.insert(applicationDocuments).values({
        applicationId: first.id,
        kind: 'kk',
        storageKey: 'test/quota',
        mediaType: 'application/pdf',
        size: quotaBytes - pdf.length + 1,
        sha256: '0',
      });
      const over = await apiUpload(
        token,
        second.id,
        { kind: 'kk' },
        { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
      );
      expect(over.statusCode).toBe(422);
      expect(over.json().error.fields).toEqual({
        file: tId('v.storageQuota', { mb: Math.floor(quotaBytes / 1024 / 1024) }),
      });
      expect(await ctx.db.$count(applicationDocuments, eq(applicationDocuments.applicationId, second.id))).toBe(0);
      // Files of an application handed over stay on record, and no longer take the account's space.
      await ctx.db.update(applications).set({ status: 'handed_over' }).where(eq(applications.id, first.id));
      expect(
        (await apiUpload(token, second.id, { kind: 'kk' }, { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf }))
          .statusCode,
      ).toBe(201);
      // Two uploads at once to two applications, with room for one of them: one is stored.
      const third = await makeApplication(ctx.db, {
        unitCode: unit.code,
        accountId: first.accountId,
        passportType: 'elektronik',
      });
      await ctx.db.insert(applicationDocuments).values({
        applicationId: third.id,
        kind: 'kk',
        storageKey: 'test/quota-race',
        mediaType: 'application/pdf',
        size: quotaBytes - 3 * pdf.length + 1,
        sha256: '0',
      });
      const raced = await Promise.all(
        [second, third].map((a) =>
          apiUpload(
            token,
            a.id,
            { kind: 'akta_kelahiran' },
            { filename: 'akta.pdf', type: 'application/pdf', bytes: pdf },
          ),
        ),
      );
      expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 422]);
      // Another account has its own space.
      const other = await makeApplication(ctx.db, { unitCode: unit.code });
      expect(
        (
          await apiUpload(
            await tokenFor(other.accountId),
            other.id,
            { kind: 'kk' },
            { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
          )
        ).statusCode,
      ).toBe(201);
    });

    it('lets only the owner and officers of the unit download, and only the owner remove a file from a draft', async () => {
      const { citizen, browser, id, unit } = await draftAtDocuments();
      const upload = await apiUpload(
        await tokenFor(citizen.id),
        id,
        { kind: 'ektp' },
        { filename: 'a.png', type: 'image/png', bytes: png },
      );
      const document = upload.json().id as string;
      const url = `/applications/${id}/documents/${document}`;
      const { browser: stranger } = await citizenBrowser(ctx.app, ctx.db);
      expect((await stranger.get(url)).statusCode).toBe(403);
      expect((await stranger.post(`${url}/delete`, {}, '/applications')).statusCode).toBe(403);
      const anonymous = await ctx.app.inject({ url });
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      const strangerToken = await tokenFor((await citizenBrowser(ctx.app, ctx.db)).citizen.id);
      expect(
        (await apiUpload(strangerToken, id, { kind: 'kk' }, { filename: 'a.png', type: 'image/png', bytes: png }))
          .statusCode,
      ).toBe(403);
      // Officers see applications once submitted, never drafts.
      const officer = new Browser(ctx.app).setCookie(
        await sessionCookie(ctx.db, await makeOfficer(ctx.db, { role: 'verifier', unitCode: 'KANWIL-NTT' })),
      );
      expect((await officer.get(url)).statusCode).toBe(403);
      const submitted = await makeApplication(ctx.db, { unitCode: unit.code });
      const theirs = (
        await apiUpload(
          await tokenFor(submitted.accountId),
          submitted.id,
          { kind: 'kk' },
          { filename: 'kk.pdf', type: 'application/pdf', bytes: pdf },
        )
      ).json().id as string;
      const seen = await officer.get(`/applications/${submitted.id}/documents/${theirs}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.rawPayload.equals(pdf)).toBe(true);
      expect((await officer.get(`/applications/${submitted.id}/documents/${document}`)).statusCode).toBe(404);

      const removed = await browser.post(`${url}/delete`, {}, stepPath(id, 'documents'));
      expect(removed.statusCode).toBe(303);
      expect(await ctx.db.select().from(applicationDocuments).where(eq(applicationDocuments.id, document))).toEqual([]);
      expect((await browser.get(url)).statusCode).toBe(404);
    });
  },
  { uploadMaxBytes: maxBytes, storageQuotaBytes: quotaBytes },
);
