import { buffer } from 'node:stream/consumers';
import type { Executor } from '../platform/db/index.ts';
import { formatCalendarDate, type Lang, type T } from '../platform/i18n/index.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { qrPng } from '../platform/views/qr.ts';
import { findVillage } from '../regions/find-village.ts';
import { getUnit } from '../units/list-units.ts';
import { passRuleOn } from './pass-rules.ts';
import type { BorderPass } from './schema.ts';

/** ID-1, the size of a bank card: 85.6 × 54 mm in points. */
const CARD: [number, number] = [242.65, 153.07];

/**
 * The card, front and back, to print and laminate: on the front the first photo and who holds it, on the back the
 * QR the desk scans (it leads to the public check, which shows nothing but the status and the initials) and the stay
 * limit in force on the day of issue.
 */
export async function renderPassCard(
  db: Executor,
  storage: Storage,
  pass: BorderPass,
  options: { verifyUrl: string; t: T; lang: Lang },
): Promise<Buffer> {
  const { verifyUrl, t, lang } = options;
  const [photo, village, unit, rule, qr, { default: PDFDocument }] = await Promise.all([
    storage.get(pass.photos[0]!.key).then((o) => buffer(o.body)),
    findVillage(db, pass.villageCode),
    getUnit(db, pass.unitCode),
    passRuleOn(db, pass.issuedOn),
    qrPng(verifyUrl, 240),
    import('pdfkit'),
  ]);
  const doc = new PDFDocument({
    size: CARD,
    margin: 8,
    lang,
    info: { Title: `${t('borderPasses.card.title')} ${pass.number}`, Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(7).text(t('borderPasses.card.country'), 8, 8, { width: 226, align: 'center' });
  doc.fontSize(9).text(t('borderPasses.card.title'), { width: 226, align: 'center' });
  try {
    doc.image(photo, 8, 34, { fit: [54, 72] });
  } catch {
    // A photo whose bytes passed the check at issuance but that the PDF library cannot draw: a frame, not a 500.
    doc.rect(8, 34, 54, 72).stroke();
  }
  const line = (label: string, value: string) => {
    doc.font('Helvetica').fontSize(5).fillColor('#444').text(label, 70, undefined, { width: 164 });
    doc.font('Helvetica-Bold').fontSize(6.5).fillColor('#000').text(value, 70, undefined, { width: 164 });
  };
  doc.y = 34;
  line(t('borderPasses.fields.number'), pass.number);
  line(t('borderPasses.fields.fullName'), pass.fullName);
  line(t('borderPasses.fields.nik'), pass.nik);
  line(t('borderPasses.card.born'), `${pass.birthPlace}, ${formatCalendarDate(lang, pass.birthDate)}`);
  line(t('borderPasses.fields.address'), village ? `${village.village}, ${village.district}` : pass.address);
  line(t('borderPasses.fields.validUntil'), formatCalendarDate(lang, pass.validUntil));
  doc.font('Helvetica').fontSize(5).fillColor('#444').text(unit.name, 8, 138, { width: 226, align: 'center' });

  doc.addPage({ size: CARD, margin: 8 });
  doc.image(qr, 8, 8, { width: 90 });
  doc
    .font('Helvetica')
    .fontSize(6)
    .fillColor('#000')
    .text(
      t('borderPasses.card.use', {
        stayDays: rule.stayDays,
        extensionDays: rule.extensionDays,
        maxStayDays: rule.maxStayDays,
      }),
      106,
      10,
      {
        width: 128,
      },
    );
  doc.moveDown(0.5).fontSize(5).fillColor('#444').text(t('borderPasses.card.verify'), { width: 128 });
  doc.fontSize(4.5).fillColor('#0b4f8a').text(verifyUrl, { width: 128, link: verifyUrl });
  doc.end();
  return done;
}
