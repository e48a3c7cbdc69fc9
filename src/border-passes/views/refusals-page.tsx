import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { PassRefusalRow } from '../list-pass-refusals.ts';

/** The head of office's list of issuances the prevention list stopped, to follow up with the list's keepers. */
export function RefusalsPage({ ctx, unitCode, rows }: { ctx: PageContext; unitCode: string; rows: PassRefusalRow[] }) {
  const { t, lang } = ctx;
  const title = t('borderPasses.refusals.title');
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/officer/units/${unitCode}/border-passes`}>{t('borderPasses.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('borderPasses.refusals.lead')}</p>
      {rows.length === 0 ? (
        <p>{t('borderPasses.refusals.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('borderPasses.refusals.at')}</th>
                <th scope="col">{t('borderPasses.fields.fullName')}</th>
                <th scope="col">{t('borderPasses.fields.nik')}</th>
                <th scope="col">{t('borderPasses.fields.birthDate')}</th>
                <th scope="col">{t('borderPasses.refusals.match')}</th>
                <th scope="col">{t('borderPasses.refusals.entry')}</th>
                <th scope="col">{t('borderPasses.refusals.officer')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(lang, r.refusedAt)}</td>
                  <th scope="row">{r.fullName}</th>
                  <td>{r.nik}</td>
                  <td>{formatCalendarDate(lang, r.birthDate)}</td>
                  <td>{t(`borderPasses.refusals.matches.${r.match}`)}</td>
                  <td>{r.watchlistEntryId}</td>
                  <td>{r.officerName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
