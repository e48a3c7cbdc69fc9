import { formatCalendarDate, formatDateTime, type Lang, type T } from '../platform/i18n/index.ts';
import { qrPng } from '../platform/views/qr.ts';
import type { StayWithGuest } from './list-guests.ts';
import type { Lodging } from './schema.ts';

/**
 * "Surat Tanda Terima Pelaporan Orang Asing" as an A4 PDF for the lodging: the receipt number, the guest and the
 * stay, and a QR to the public check, which shows that the receipt is genuine and nothing about the guest.
 */
export async function renderStayReceiptPdf(
  lodging: Lodging,
  { stay, guest }: StayWithGuest,
  verifyUrl: string,
  t: T,
  lang: Lang,
): Promise<Buffer> {
  const [qr, { default: PDFDocument }] = await Promise.all([qrPng(verifyUrl, 300), import('pdfkit')]);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: `${t('lodgings.intake.receipt.title')} ${stay.receiptNumber}`, Author: 'Sikoe' },
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
  const office = lodging.unitCode.replace(/^KANIM-/, '').replaceAll('-', ' ');
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#444')
    .text(t('lodgings.intake.pdf.office', { office }), left, 50, { width });
  doc
    .moveDown(0.5)
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor('#000')
    .text(t('lodgings.intake.receipt.title'), { width });
  doc.font('Helvetica').fontSize(10).text(t('lodgings.intake.receipt.subtitle'), { width });
  doc.moveDown(0.5).fontSize(10).text(t('lodgings.intake.receipt.number'), { width });
  doc.font('Courier-Bold').fontSize(14).text(stay.receiptNumber, { width });
  doc.y = Math.max(doc.y, 215);
  const fact = (label: string, value: string) => {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text(label);
    doc.font('Helvetica').fontSize(11).text(value);
  };
  fact(t('lodgings.intake.receipt.lodging'), `${lodging.name}\n${lodging.address}`);
  fact(t('lodgings.intake.receipt.guest'), `${guest.surname}, ${guest.givenNames}`);
  fact(t('lodgings.intake.receipt.document'), `${guest.nationality} ${stay.documentNumber}`);
  fact(t('lodgings.intake.receipt.checkInAt'), `${formatDateTime(lang, stay.checkInAt)} WITA`);
  if (stay.expectedCheckOutOn)
    fact(t('lodgings.intake.receipt.expectedCheckOut'), formatCalendarDate(lang, stay.expectedCheckOutOn));
  fact(
    t('lodgings.intake.receipt.reportedAt'),
    `${formatDateTime(lang, stay.reportedAt)} WITA${stay.late ? ` · ${t('lodgings.intake.receipt.late')}` : ''}`,
  );
  doc.moveDown(1).font('Helvetica').fontSize(9).fillColor('#444').text(t('lodgings.intake.receipt.verifyHint'));
  doc.fillColor('#0b4f8a').text(verifyUrl, { link: verifyUrl, underline: true });
  doc.moveDown(1).fillColor('#444').text(t('lodgings.intake.pdf.footer'));
  doc.end();
  return done;
}
