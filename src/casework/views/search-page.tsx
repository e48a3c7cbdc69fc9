import { witaInstant } from '../../platform/calendar/wita.ts';
import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import { SEARCH_LIMIT, type SearchResult } from '../search-cases.ts';

type Props = { ctx: PageContext; state: FormState; result?: SearchResult; units: Unit[] };

export function SearchPage({ ctx, state, result, units }: Props) {
  const { t, lang } = ctx;
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  return (
    <Layout ctx={ctx} title={t('casework.search.title')} hasErrors={!!state.errors}>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ q: t('casework.search.q') }} />
      <h1>{t('casework.search.title')}</h1>
      <p>{t('casework.search.lead')}</p>
      <p class="notice">{t('casework.search.audited')}</p>
      <form method="get" action="/officer/search" role="search">
        <Field name="q" label={t('casework.search.q')} hint={t('casework.search.hint')} state={state} required />
        <button type="submit">{t('casework.search.submit')}</button>
      </form>
      <p>
        <a href="/officer/work">{t('casework.search.work')}</a>
      </p>
      {result &&
        (result.hits.length === 0 ? (
          <p>{t('casework.search.none')}</p>
        ) : (
          <table>
            <caption>
              {t('casework.search.count', { count: result.hits.length })}
              {result.truncated && ` — ${t('casework.search.truncated', { count: SEARCH_LIMIT })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.work.trackingCode')}</th>
                <th scope="col">{t('casework.work.name')}</th>
                <th scope="col">{t('casework.search.nik')}</th>
                <th scope="col">{t('casework.search.birthDate')}</th>
                <th scope="col">{t('casework.work.status')}</th>
                <th scope="col">{t('casework.search.unit')}</th>
                <th scope="col">{t('casework.search.passport')}</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.map((hit) => (
                <tr key={hit.id}>
                  <td>
                    <a href={`/officer/cases/${hit.id}`}>
                      <code>{hit.trackingCode}</code>
                    </a>
                  </td>
                  <td>{hit.fullName ?? '—'}</td>
                  <td>{hit.nik ?? '—'}</td>
                  <td>{hit.birthDate ? formatDate(lang, witaInstant(hit.birthDate)) : '—'}</td>
                  <td>{t(`applications.statuses.${hit.status}`)}</td>
                  <td>{unitName.get(hit.unitCode) ?? hit.unitCode}</td>
                  <td>{hit.passportNumber ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </Layout>
  );
}
