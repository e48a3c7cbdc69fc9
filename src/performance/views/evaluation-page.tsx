import { formatDateTime, formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { semesterTitle } from '../report-rows.ts';
import type { EvaluationView } from '../view-evaluation.ts';
import type { EvaluationStep } from '../workflow.ts';

type Props = {
  ctx: PageContext;
  view: EvaluationView;
  steps: EvaluationStep[];
  requestId: string;
  errors?: Record<string, string>;
};

/** A semester: draft or frozen, the units ranked, the downloads, and the freeze for the Kanwil's head. */
export function EvaluationPage({ ctx, view, steps, requestId, errors }: Props) {
  const { t, lang } = ctx;
  const { evaluation: e } = view;
  const title = `${t('performance.evaluations.title')}: ${semesterTitle(t, e)}`;
  const base = `/officer/performance/evaluations/${e.id}`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!errors}>
      <p>
        <a href="/officer/performance/evaluations">{t('performance.evaluations.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={{}} />
      <p>
        <strong>
          {e.frozenAt
            ? t('performance.evaluation.frozenAt', { at: formatDateTime(lang, e.frozenAt) })
            : t('performance.evaluation.draft')}
        </strong>
      </p>
      <p>
        <a href={`${base}/report.pdf`}>{t('performance.evaluation.pdf')}</a> ·{' '}
        <a href={`${base}/report.xlsx`}>{t('performance.evaluation.xlsx')}</a>
      </p>
      <h2>{t('performance.evaluation.ranking')}</h2>
      <ScrollRegion label={t('performance.evaluation.ranking')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('performance.evaluation.rank')}</th>
              <th scope="col">{t('performance.evaluation.unit')}</th>
              <th scope="col">{t('performance.evaluation.score')}</th>
            </tr>
          </thead>
          <tbody>
            {view.units.map((u) => (
              <tr key={u.unitCode}>
                <td>
                  {u.rank === null ? '—' : t('performance.evaluation.rankOf', { rank: u.rank, count: view.unitCount })}
                </td>
                <th scope="row">
                  <a href={`${base}/units/${u.unitCode}`}>{u.unitName}</a>
                </th>
                <td>{u.score === null ? '—' : formatNumber(lang, u.score, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p>
        <small>{t('performance.evaluation.scoreNote')}</small>
      </p>
      {steps.includes('freeze') && (
        <form method="post" action={`${base}/actions`}>
          <h2>{t('performance.evaluation.freeze')}</h2>
          <p>{t('performance.evaluation.freezeLead')}</p>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="requestId" value={requestId} />
          <button type="submit" name="step" value="freeze">
            {t('performance.evaluation.freeze')}
          </button>
        </form>
      )}
    </Layout>
  );
}
