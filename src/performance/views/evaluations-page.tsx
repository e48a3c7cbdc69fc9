import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { semesterTitle } from '../report-rows.ts';
import type { Evaluation } from '../schema.ts';

type Props = {
  ctx: PageContext;
  evaluations: Evaluation[];
  mayOpen: boolean;
  requestId: string;
  state: FormState;
};

/** The semesters, and for the Kanwil's admins and head the form that opens one. */
export function EvaluationsPage({ ctx, evaluations, mayOpen, requestId, state }: Props) {
  const { t, lang } = ctx;
  const labels = { year: t('performance.evaluations.year'), half: t('performance.evaluations.half') };
  const year = typeof state.values?.year === 'string' ? state.values.year : '';
  const half = state.values?.half === '2' ? '2' : '1';
  return (
    <Layout ctx={ctx} title={t('performance.evaluations.title')} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/performance">{t('performance.catalogue.title')}</a>
      </p>
      <h1>{t('performance.evaluations.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      {evaluations.length === 0 ? (
        <p>{t('performance.evaluations.none')}</p>
      ) : (
        <ul>
          {evaluations.map((e) => (
            <li key={e.id}>
              <a href={`/officer/performance/evaluations/${e.id}`}>{semesterTitle(t, e)}</a> —{' '}
              {t(`performance.evaluations.statuses.${e.status}`)}
              {e.frozenAt && ` (${formatDateTime(lang, e.frozenAt)})`}
            </li>
          ))}
        </ul>
      )}
      {mayOpen && (
        <form method="post" action="/officer/performance/evaluations" novalidate>
          <h2>{t('performance.evaluations.open')}</h2>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="requestId" value={requestId} />
          <div class={state.errors?.year ? 'field has-error' : 'field'}>
            <label for="f-year">{labels.year}</label>
            {state.errors?.year && <p class="error">{state.errors.year}</p>}
            <input id="f-year" name="year" inputMode="numeric" value={year} />
          </div>
          <div class={state.errors?.half ? 'field has-error' : 'field'}>
            <label for="f-half">{labels.half}</label>
            {state.errors?.half && <p class="error">{state.errors.half}</p>}
            <select id="f-half" name="half">
              <option value="1" selected={half === '1'}>
                I
              </option>
              <option value="2" selected={half === '2'}>
                II
              </option>
            </select>
          </div>
          <button type="submit">{t('performance.evaluations.open')}</button>
        </form>
      )}
    </Layout>
  );
}
