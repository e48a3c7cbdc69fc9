import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Region } from '../../regions/queries.ts';
import type { PublicSession } from '../session-queries.ts';

type Props = {
  ctx: PageContext;
  sessions: PublicSession[];
  regencies: Region[];
  regency?: string;
  dateText: (d: string) => string;
};

/** Upcoming sessions, so that people know when the office comes near them. */
export function PublicListPage({ ctx, sessions, regencies, regency, dateText }: Props) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outreach.public.title')}>
      <h1>{t('outreach.public.title')}</h1>
      <p>{t('outreach.public.lead')}</p>
      <form method="get" action="/eazy-paspor" class="inline">
        <label for="f-regency">{t('outreach.fields.regency')}</label>{' '}
        <select id="f-regency" name="regency">
          <option value="">{t('outreach.public.allRegencies')}</option>
          {regencies.map((r) => (
            <option key={r.code} value={r.code} selected={r.code === regency}>
              {r.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{t('outreach.public.filter')}</button>
      </form>
      {sessions.length === 0 ? (
        <p>{t('outreach.public.none')}</p>
      ) : (
        <ScrollRegion label={t('outreach.public.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outreach.public.date')}</th>
                <th scope="col">{t('outreach.public.place')}</th>
                <th scope="col">{t('outreach.public.organiser')}</th>
                <th scope="col">{t('outreach.public.unit')}</th>
                <th scope="col">{t('outreach.public.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, i) => (
                <tr key={i}>
                  <td>{dateText(s.date)}</td>
                  <td>{[s.venue, s.villageName, s.districtName, s.regencyName].filter(Boolean).join(', ')}</td>
                  <td>{`${s.organiserName} (${t(`outreach.kinds.${s.organiserKind}`)})`}</td>
                  <td>{s.unitName}</td>
                  <td>{s.capacity ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p>
        <a href="/eazy-paspor/ajukan">{t('outreach.public.requestLink')}</a>
      </p>
    </Layout>
  );
}
