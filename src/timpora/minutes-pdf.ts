import { formatCalendarDate, type Lang, type T } from '../platform/i18n/index.ts';
import type { MeetingView } from './view-meeting.ts';

/** The meeting's minutes as an A4 PDF: the team, date, place, agenda, who came, decisions and recommendations. */
export async function renderMinutesPdf(view: MeetingView, t: T, lang: Lang): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang,
    info: { Title: t('timpora.pdf.title'), Author: 'Sikoe' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { meeting, team } = view;
  doc.font('Helvetica-Bold').fontSize(15).text(t('timpora.pdf.title'));
  doc.font('Helvetica').fontSize(11).text(team.name);
  doc.text(t('timpora.decree', { number: team.decreeNumber, date: formatCalendarDate(lang, team.decreeDate) }));
  doc.moveDown().text(t('timpora.pdf.held', { date: formatCalendarDate(lang, meeting.heldOn) }));
  const fact = (label: string, value: string) => {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(label);
    doc
      .font('Helvetica')
      .fontSize(11)
      .text(value || '—');
  };
  fact(t('timpora.meeting.place'), meeting.place);
  fact(t('timpora.meeting.agenda'), meeting.agenda);
  fact(t('timpora.meeting.present'), view.agenciesPresent.map((a) => a.name).join(', '));
  fact(t('timpora.meeting.notes'), meeting.notes);
  doc.moveDown().font('Helvetica-Bold').fontSize(12).text(t('timpora.meeting.recommendations'));
  if (view.recommendations.length === 0) doc.font('Helvetica').fontSize(11).text(t('timpora.meeting.none'));
  view.recommendations.forEach((r, i) => {
    doc
      .moveDown(0.5)
      .font('Helvetica')
      .fontSize(11)
      .text(`${i + 1}. ${r.text}`)
      .fontSize(10)
      .text(
        `${t('timpora.meeting.agency')}: ${r.agencyName} · ${t('timpora.meeting.due')}: ${formatCalendarDate(lang, r.dueOn)} · ${t(`timpora.meeting.recStatuses.${r.status}`)}`,
      );
  });
  doc.moveDown(2).fontSize(8).fillColor('#666').text(t('timpora.pdf.page'));
  doc.end();
  return done;
}
