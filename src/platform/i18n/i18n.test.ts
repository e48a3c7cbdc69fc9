import { describe, expect, it } from 'vitest';
import { describeApp } from '../../../test/db.ts';
import { errorStatus } from '../errors.ts';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatNumber,
  formatRupiah,
  formatTime,
  hasKey,
  langFromAcceptLanguage,
  translator,
} from './index.ts';
/** Intl puts a no-break space between "Rp" and the amount; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('language from Accept-Language', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['in', 'id'],
    ['in-ID', 'id'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr-FR,de;q=0.9', 'id'],
    ['en;q=0.5,id;q=0.8', 'id'],
    ['id;q=0.3, en;q=0.7', 'en'],
    ['en;q=0,id', 'id'],
    ['en;q=0', 'id'],
    ['*', 'id'],
    ['nl, en-AU ; q=0.4', 'en'],
    ['nl, en ; q=0.4', 'en'],
    ['fr;q=0.9, id ;q=0.8', 'id'],
    ['en;q=abc,id;q=0.1', 'id'],
  ] as const)('%j → %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });
});

// Both languages having the same keys and placeholders, features' words included: src/messages.test.ts.
describe('catalogues', () => {
  it('have a message for every error code, in both languages', () => {
    for (const code of Object.keys(errorStatus)) {
      expect(hasKey(`errors.${code}`), code).toBe(true);
      expect(translator('en')(`errors.${code}`)).not.toBe(translator('id')(`errors.${code}`));
    }
  });

  it('translate with interpolation and fall back to Indonesian for a missing key', () => {
    expect(translator('en')('errors.title', { status: 404 })).toBe('Error 404');
    expect(translator('id')('errors.title', { status: 404 })).toContain('404');
    expect(translator('en')('no.such.key')).toBe('no.such.key');
  });
});

describe('formats', () => {
  it('writes rupiah the Indonesian way', () => {
    expect(plain(formatRupiah('id', 650000))).toBe('Rp 650.000');
    expect(plain(formatRupiah('id', 1250000))).toBe('Rp 1.250.000');
    expect(plain(formatRupiah('id', 0))).toBe('Rp 0');
  });

  it('shows instants in WITA (UTC+8), whatever the server time zone', () => {
    const at = new Date('2026-01-15T01:30:00Z');
    expect(formatDateTime('id', at)).toBe('15 Jan 2026, 09.30 WITA');
    expect(formatDateTime('en', at)).toBe('15 Jan 2026, 09:30 WITA');
    // 17:30 UTC is already the next day in Kupang.
    expect(formatDateTime('en', new Date('2026-01-15T17:30:00Z'))).toBe('16 Jan 2026, 01:30 WITA');
    expect(formatDate('id', new Date('2026-08-16T16:30:00Z'))).toBe('17 Agustus 2026');
    expect(formatDate('en', new Date('2026-08-16T16:30:00Z'))).toBe('17 August 2026');
  });

  it('keeps each language and style apart, called in turn (formatters are kept once made)', () => {
    const at = new Date('2026-01-15T01:30:00Z');
    for (let round = 0; round < 2; round++) {
      expect(formatTime('id', at)).toBe('09.30');
      expect(formatTime('en', at)).toBe('09:30');
      expect(formatDay('id', '2026-05-12')).toBe('Selasa, 12 Mei 2026');
      expect(formatDay('en', '2026-05-12')).toBe('Tuesday, 12 May 2026');
      expect(formatNumber('id', 3.256, 2)).toBe('3,26');
      expect(formatNumber('id', 3, 2, true)).toBe('3,00');
      expect(formatNumber('id', 3.256)).toBe('3');
      expect(plain(formatRupiah('en', 350000))).toBe('IDR 350,000');
    }
  });
});

describeApp('language switch', (ctx) => {
  it('remembers the choice for a year and goes back to the page', async () => {
    const res = await ctx.app.inject({ url: '/lang/en?next=/units/KANIM-KUPANG' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/units/KANIM-KUPANG');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);

    // The cookie wins over the browser's language.
    const page = await ctx.app.inject({
      url: '/units/KANIM-KUPANG',
      headers: { cookie: 'lang=en', 'accept-language': 'id' },
    });
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Opening hours');
    const back = await ctx.app.inject({
      url: '/units/KANIM-KUPANG',
      headers: { cookie: 'lang=id', 'accept-language': 'en' },
    });
    expect(back.body).toContain('Jam layanan');
    // An unknown cookie value is ignored: the page is Indonesian.
    const bogus = await ctx.app.inject({
      url: '/units/KANIM-KUPANG',
      headers: { cookie: 'lang=xx', 'accept-language': 'en' },
    });
    expect(bogus.body).toContain('<html lang="id"');
  });

  it('keeps pages Indonesian whatever language the phone asks for; the API answers in the language asked', async () => {
    for (const accept of ['en', 'en-US,en;q=0.9', 'fr,en;q=0.5']) {
      const page = await ctx.app.inject({ url: '/', headers: { 'accept-language': accept } });
      expect(page.body, accept).toContain('<html lang="id"');
    }
    const api = await ctx.app.inject({ url: '/api/v1/units/NOPE', headers: { 'accept-language': 'en' } });
    expect(api.json().error.message).toBe(translator('en')('errors.not_found'));
    const chosen = await ctx.app.inject({ url: '/', headers: { cookie: 'lang=en', 'accept-language': 'id' } });
    expect(chosen.body).toContain('<html lang="en"');
  });

  it('links every page to the other language, coming back to the same page', async () => {
    const page = await ctx.app.inject({ url: '/units/KANIM-KUPANG?x=1' });
    expect(page.body).toContain('href="/lang/en?next=%2Funits%2FKANIM-KUPANG%3Fx%3D1"');
  });

  it('redirects only to paths on this site', async () => {
    for (const next of [
      '//evil.example',
      '//evil.example/units',
      'https://evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/x',
      'evil.example',
      '',
    ]) {
      const res = await ctx.app.inject({ url: `/lang/id?next=${encodeURIComponent(next)}` });
      expect(res.statusCode, next).toBe(303);
      expect(res.headers.location, next).toBe('/');
    }
    expect((await ctx.app.inject({ url: '/lang/id' })).headers.location).toBe('/');
    const unknown = await ctx.app.inject({ url: '/lang/xx?next=/' });
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.headers['set-cookie'] ?? '').not.toMatch(/lang=/);
  });
});
