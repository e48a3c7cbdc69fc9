import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { makeApplication, makeUnit, openDate } from '../../test/factories.ts';
import { bookingConfirmationMail } from '../appointments/booking-mails.ts';
import { bookDirectly, ownerBrowser } from '../appointments/test-support.ts';
import { translator } from '../platform/i18n/index.ts';
import { passportReadyMail } from '../passports/passport-mails.ts';
import { officeContactLines, telLink } from './office-contact.ts';
import type { Unit } from './schema.ts';

const MAP = 'https://osm.org/go/-1~Jx2';
const PHONE = '(0380) 833-101';

/** The lines of text a PDF shows (its Flate-compressed content streams' hex strings, decoded). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ/gs))
      text +=
        [...op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('') +
        '\n';
  }
  return text;
}

describe('office contact lines', () => {
  it('give the phone and an https map link, in the reader’s language, and nothing that is missing', () => {
    expect(officeContactLines(translator('id'), { phone: PHONE, mapUrl: MAP })).toEqual([
      `Telepon: ${PHONE}`,
      `Peta: ${MAP}`,
    ]);
    expect(officeContactLines(translator('en'), { phone: PHONE, mapUrl: MAP })).toEqual([
      `Phone: ${PHONE}`,
      `Map: ${MAP}`,
    ]);
    expect(officeContactLines(translator('id'), { phone: null, mapUrl: 'http://osm.org/x' })).toEqual([]);
    expect(telLink('+62 380 833-101')).toBe('tel:+62380833101');
  });

  it('are in the booking confirmation mail and the passport-ready mail, under the office and its address', () => {
    for (const lang of ['id', 'en'] as const) {
      const t = translator(lang);
      const booking = bookingConfirmationMail(lang, 'a@test.sikoe.id', {
        code: 'SK7F3K9Q2MXP',
        date: '2030-01-02',
        unit: 'Kantor Imigrasi Kupang',
        address: 'Jl. Adi Sucipto 1',
        phone: PHONE,
        mapUrl: MAP,
        amount: 950_000,
        billingCode: '820123456789012',
        payBefore: new Date('2030-01-01T10:00:00Z'),
        link: 'http://sikoe.test/x',
      });
      expect(booking.text).toContain(
        `Kantor Imigrasi Kupang, Jl. Adi Sucipto 1\n${t('units.phone')}: ${PHONE}\n${t('units.map')}: ${MAP}\n`,
      );
      const unit = {
        name: 'Kantor Imigrasi Kupang',
        address: 'Jl. Adi Sucipto 1',
        phone: PHONE,
        mapUrl: MAP,
        services: ['passport'],
        openingHours: { mon: [['08:00', '16:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      } as unknown as Unit;
      const ready = passportReadyMail(lang, 'a@test.sikoe.id', {
        code: 'SK7F3K9Q2MXP',
        passportNumber: 'E1234567',
        unit,
        trackLink: 'http://sikoe.test/track',
        saturdayLink: 'http://sikoe.test/s',
      });
      expect(ready.text).toContain(
        `Kantor Imigrasi Kupang\nJl. Adi Sucipto 1\n${t('units.phone')}: ${PHONE}\n${t('units.map')}: ${MAP}\n`,
      );
    }
    // Without a phone or a map link, the mails stay as they were.
    const plain = bookingConfirmationMail('id', 'a@test.sikoe.id', {
      code: 'X',
      date: '2030-01-02',
      unit: 'K',
      address: 'A',
      phone: null,
      mapUrl: null,
      amount: 1,
      billingCode: '1',
      payBefore: new Date(),
      link: 'l',
    });
    expect(plain.text).toContain('Kantor: K, A\n\n');
  });
});

describeApp('the office on the booking confirmation and receipt', (ctx) => {
  async function booked() {
    const unit = await makeUnit(ctx.db, {
      address: 'Jl. Adi Sucipto No. 1, Penfui, Kupang',
      phone: PHONE,
      mapUrl: MAP,
    });
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 5);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    await bookDirectly(ctx.app, application, date);
    return { unit, application, browser: await ownerBrowser(ctx.app, ctx.db, application) };
  }

  it('shows the address, the phone as a tel: link and the map link on the confirmation page, in both languages', async () => {
    const { unit, application, browser } = await booked();
    for (const lang of ['id', 'en'] as const) {
      const t = translator(lang);
      const page = await browser.get(`/applications/${application.id}/appointment`, {
        cookie: `${browser.cookieHeader}; lang=${lang}`,
      });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<dt>${t('units.address')}</dt><dd>${unit.address}</dd>`);
      expect(page.body).toContain(`<dt>${t('units.phone')}</dt><dd><a href="tel:0380833101">${PHONE}</a></dd>`);
      expect(page.body).toContain(
        `<dt>${t('units.map')}</dt><dd><a href="${MAP}" rel="noopener noreferrer" class="map-link">${t('units.openMap')}`,
      );
      expect(page.body).toContain(
        `<div class="table-scroll" role="region" aria-label="${t('booking.confirmation.feeTitle')}" tabindex="0"><table>`,
      );
    }
  });

  it('prints the address, the phone and the map link (a link the reader opens) on the PDF receipt', async () => {
    const { unit, application, browser } = await booked();
    const res = await browser.get(`/applications/${application.id}/appointment/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(unit.address);
    expect(text).toContain(`Telepon: ${PHONE}`);
    expect(text).toContain(`Peta: ${MAP}`);
    expect(res.rawPayload.toString('latin1')).toContain(`/URI (${MAP})`);
  });
});
