import { formatCalendarDate, type Lang, type T } from '../platform/i18n/index.ts';
import type { CaseView } from './view-case.ts';

/**
 * The letter notifying the person's embassy or consulate of the deportation, as an A4 PDF in the lodgings receipt's
 * style: the office, the letter's number, the person and their document, the decision and how the person leaves
 * (`exit`: the crossing point's or airport's name; `office`: the unit's name as the admins keep it).
 */
export async function renderEmbassyLetterPdf(
  view: CaseView,
  names: { office: string; exit: string },
  t: T,
  lang: Lang,
): Promise<Buffer> {
  const { office, exit } = names;
  const deportation = view.deportation!;
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: `${t('enforcement.letter.title')} ${deportation.letterNumber}`, Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const person = view.person;
  const document = person.documents.at(-1);
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(t('enforcement.letter.office', { office }));
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(16).fillColor('#000').text(t('enforcement.letter.title'));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(t('enforcement.letter.number', { number: deportation.letterNumber }));
  doc.moveDown(0.5).text(t('enforcement.letter.to', { embassy: deportation.embassy }));
  doc.moveDown(0.5).fontSize(11).text(t('enforcement.letter.body'));
  const fact = (label: string, value: string) => {
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10).text(label);
    doc.font('Helvetica').fontSize(11).text(value);
  };
  fact(t('enforcement.letter.person'), `${person.surname}, ${person.givenNames}`);
  fact(t('enforcement.letter.birthDate'), formatCalendarDate(lang, person.birthDate));
  fact(t('enforcement.letter.document'), `${person.nationality} ${document?.number ?? '—'}`);
  fact(
    t('enforcement.letter.decision'),
    `${view.case.decisionNumber ?? '—'}${view.case.decidedOn ? `, ${formatCalendarDate(lang, view.case.decidedOn)}` : ''}`,
  );
  fact(t('enforcement.letter.basis'), view.measures.map((m) => m.basis).join('; '));
  fact(t('enforcement.letter.departOn'), formatCalendarDate(lang, deportation.departOn));
  fact(
    t('enforcement.letter.transport'),
    [deportation.carrier, deportation.flightOrVessel, deportation.ticketNumber].filter(Boolean).join(' · '),
  );
  fact(t('enforcement.letter.exit'), exit);
  fact(t('enforcement.letter.escorts'), deportation.escorts.join(', '));
  doc.moveDown(1).font('Helvetica').fontSize(9).fillColor('#444').text(t('enforcement.letter.footer'));
  doc.end();
  return done;
}
