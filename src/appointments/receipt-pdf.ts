import { qrPng } from '../platform/views/qr.ts';
import { formatDateTime, formatRupiah, type Lang, type T, formatDay } from '../platform/i18n/index.ts';
import type { BookingDetails } from './booking-details.ts';
import { mapLink } from '../units/office-contact.ts';
import { openingHoursOn } from './opening-hours.ts';

/**
 * The registration receipt (bukti pendaftaran) as an A4 PDF: tracking code, QR, office, date, itemised fee,
 * billing code and what to bring. Standard PDF fonts only, so the file stays small and prints anywhere.
 */
export async function renderReceiptPdf(details: BookingDetails, t: T, lang: Lang, now = new Date()): Promise<Buffer> {
  const { application, appointment, billing, unit } = details;
  const [qr, { default: PDFDocument }] = await Promise.all([qrPng(details.qr, 300), import('pdfkit')]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: `${t('booking.pdf.title')} ${application.trackingCode}`, Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right - 170;
  doc.image(qr, left + width + 20, 50, { width: 150 });
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(t('booking.pdf.office'), left, 50, { width });
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(18).fillColor('#000').text(t('booking.pdf.title'), { width });
  doc.moveDown(0.5).font('Helvetica').fontSize(10).text(t('booking.confirmation.trackingCode'), { width });
  doc.font('Courier-Bold').fontSize(22).text(application.trackingCode, { width });
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#444').text(t('booking.confirmation.qrHelp'), { width });
  doc.fillColor('#000');
  doc.y = Math.max(doc.y, 215); // below the QR code

  const fact = (label: string, value: string) => {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text(label);
    doc.font('Helvetica').fontSize(11).text(value);
  };
  fact(t('booking.pdf.applicant'), application.fullName ?? '');
  fact(t('booking.confirmation.date'), formatDay(lang, appointment.date));
  fact(
    t('booking.confirmation.unit'),
    [unit.name, unit.address, ...(unit.phone ? [`${t('units.phone')}: ${unit.phone}`] : [])].join('\n'),
  );
  const map = mapLink(unit);
  // A link the PDF reader opens, and the address itself for a printed copy.
  if (map)
    doc
      .font('Helvetica')
      .fontSize(11)
      .fillColor('#0b4f8a')
      .text(`${t('units.map')}: ${map}`, { link: map, underline: true })
      .fillColor('#000');
  const hours = openingHoursOn(unit, appointment.date, lang);
  if (hours) fact(t('booking.confirmation.hours'), `${hours} WITA`);

  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(t('booking.confirmation.feeTitle'));
  for (const line of application.feeItems ?? [])
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(`${t(`booking.feeItems.${line.item}`)}: ${formatRupiah(lang, line.amount)}`);
  doc.font('Helvetica-Bold').text(`${t('booking.confirmation.feeTotal')}: ${formatRupiah(lang, billing.amount)}`);
  if (application.feeRegulation)
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(t('booking.confirmation.regulation', { regulation: application.feeRegulation }));
  fact(t('booking.confirmation.billingCode'), billing.code);
  fact(
    billing.paidAt ? t('booking.confirmation.paidAt') : t('booking.confirmation.payBefore'),
    formatDateTime(lang, billing.paidAt ?? billing.expiresAt),
  );

  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(t('booking.confirmation.bringTitle'));
  doc
    .font('Helvetica')
    .fontSize(11)
    .list(
      details.bring.map((item) => t(`booking.bring.${item}`)),
      { bulletRadius: 2 },
    );

  doc.moveDown(1.5).fontSize(8).fillColor('#444').text(t('booking.pdf.note'));
  doc.text(t('booking.pdf.printed', { at: formatDateTime(lang, now) }));
  doc.end();
  return done;
}
