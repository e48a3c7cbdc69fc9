import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, sessionCookie } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import type { Account } from '../platform/auth/schema.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { makeEnforcementUnit } from './test-support.ts';

/** Birth dates from 1966 on, one per person, where no other test file puts people. */
const born = birthDatesFrom(1966);

describeApp('administrative action pages (JavaScript off)', (ctx) => {
  const today = witaDate();
  let u: Awaited<ReturnType<typeof makeEnforcementUnit>>;
  const as = async (account: Account) => new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, account));

  beforeAll(async () => {
    u = await makeEnforcementUnit(ctx.db);
  });

  it('opens a case from the list page and takes it through the BAP, the opinion and the decision by forms', async () => {
    const who = await makeForeigner(ctx.db, { surname: 'HALAMAN', nationality: 'TLS', birthDate: born() });
    const officer = await as(u.officer);
    const list = await officer.get(`/officer/enforcement?unit=${u.unitCode}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Buka perkara');
    const opened = await officer.post('/officer/enforcement/cases', {
      unitCode: u.unitCode,
      sourceKind: 'report',
      sourceRef: 'Pengaduan 7/2026',
      foreignerId: who.id,
      grounds: 'Bekerja tanpa izin',
      requestId: crypto.randomUUID(),
    });
    expect(opened.statusCode, opened.body).toBe(303);
    const url = opened.headers.location as string;
    const page = await officer.get(url);
    expect(page.body).toContain('HALAMAN');
    expect(page.body).toContain('Catat BAP');
    const action = `${url}/actions`;

    const missing = await officer.post(action, { step: 'examine', examiner: 'Petugas A' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('class="error-summary"');
    const bap = { step: 'examine', examinedOn: today, examiner: 'Petugas A', place: 'Kanim', statement: 'Mengaku' };
    expect((await officer.post(action, { ...bap, requestId: crypto.randomUUID() })).statusCode).toBe(303);
    const upload = async (content: string) => {
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await officer.get(url)).body)![1]!;
      const part = (name: string, value: string, file = '') =>
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"${file}\r\n\r\n${value}\r\n`;
      return ctx.app.inject({
        method: 'POST',
        url: `${url}/bap`,
        headers: { cookie: officer.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload:
          part('_csrf', csrf) +
          part('file', content, '; filename="bap.pdf"\r\ncontent-type: application/pdf') +
          `--${boundary}--\r\n`,
      });
    };
    const boundary = 'sikoe-bap';
    expect((await upload('not a pdf at all')).statusCode).toBe(422);
    const stored = await upload('%PDF-1.4\n%%EOF\n');
    expect(stored.statusCode, stored.body.slice(0, 2000)).toBe(303);
    const signed = await officer.get(`${url}/bap.pdf`);
    expect(signed.statusCode).toBe(200);
    expect(signed.body.startsWith('%PDF')).toBe(true);
    const opinion = { step: 'opine', opinion: 'Layak dideportasi', measure: 'deportation' };
    expect((await officer.post(action, { ...opinion, requestId: crypto.randomUUID() }, url)).statusCode).toBe(303);
    expect((await officer.get(url)).body).not.toContain('value="decide"');

    const head = await as(u.head);
    const decidePage = await head.get(url);
    expect(decidePage.body).toContain('value="decide"');
    expect(decidePage.body).toMatch(/name="measure" value="listing" checked/);
    const decided = await head.post(action, {
      step: 'decide',
      decisionNumber: 'W3.IMI.1-2026',
      measure: ['deportation', 'listing'],
      until_listing: addDays(today, 180),
      requestId: crypto.randomUUID(),
    });
    expect(decided.statusCode, decided.body).toBe(303);
    const after = await head.get(url);
    expect(after.body).toContain('Diputuskan');
    expect(after.body).toContain('tercantum dalam daftar penangkalan');
    expect(after.body).toContain('Tempat pemeriksaan keluar');
  });
});
