import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { semesterTitle } from '../report-rows.ts';
import { ziAreas } from '../schema.ts';
import type { EvaluationView, UnitLine } from '../view-evaluation.ts';
import { ResultsTable } from './results-table.tsx';

type Props = {
  ctx: PageContext;
  view: EvaluationView;
  unit: UnitLine;
  mayWrite: boolean;
  requestIds: { notes: string; evidence: string };
  state: FormState;
};

/** One unit's semester: results against targets, the head's notes and the evidence per ZI area (forms while open). */
export function UnitEvaluationPage({ ctx, view, unit, mayWrite, requestIds, state }: Props) {
  const { t, lang } = ctx;
  const { evaluation: e } = view;
  const title = `${unit.unitName}: ${semesterTitle(t, e)}`;
  const base = `/officer/performance/evaluations/${e.id}`;
  const labels = {
    notes: t('performance.evaluation.notes'),
    ziArea: t('performance.evaluation.area'),
    title: t('performance.evaluation.evidenceTitle'),
    file: t('performance.evaluation.file'),
  };
  const areaOptions = ziAreas.map((a) => ({ value: a, label: t(`performance.areas.${a}`) }));
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href={base}>{semesterTitle(t, e)}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <p>
        <strong>
          {e.frozenAt
            ? t('performance.evaluation.frozenAt', { at: formatDateTime(lang, e.frozenAt) })
            : t('performance.evaluation.draft')}
        </strong>
      </p>
      <h2>{t('performance.evaluation.results')}</h2>
      {unit.rank !== null && (
        <p>
          {t('performance.evaluation.rank')}:{' '}
          {t('performance.evaluation.rankOf', { rank: unit.rank, count: view.unitCount })}
        </p>
      )}
      <ResultsTable ctx={ctx} catalogue={view.catalogue} rows={unit.rows} score={unit.score} />
      <h2>{t('performance.evaluation.notes')}</h2>
      {mayWrite ? (
        <form method="post" action={`${base}/units/${unit.unitCode}/notes`} novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="requestId" value={requestIds.notes} />
          <TextArea
            name="notes"
            label={labels.notes}
            rows={6}
            state={{ values: { notes: unit.notes, ...state.values }, errors: state.errors }}
          />
          <button type="submit">{t('performance.evaluation.saveNotes')}</button>
        </form>
      ) : (
        <p style="white-space: pre-line">{unit.notes || t('performance.evaluation.noNotes')}</p>
      )}
      <h2>{t('performance.evaluation.evidence')}</h2>
      {ziAreas.map((area) => {
        const docs = unit.evidence.filter((d) => d.ziArea === area);
        return (
          <section key={area}>
            <h3>{t(`performance.areas.${area}`)}</h3>
            {docs.length === 0 ? (
              <p>{t('performance.evaluation.noEvidence')}</p>
            ) : (
              <ul>
                {docs.map((d) => (
                  <li key={d.id}>
                    <a href={`${base}/evidence/${d.id}`}>{d.title}</a> ({formatDateTime(lang, d.uploadedAt)})
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {mayWrite && (
        <form method="post" action={`${base}/units/${unit.unitCode}/evidence`} enctype="multipart/form-data" novalidate>
          <h3>{t('performance.evaluation.upload')}</h3>
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <input type="hidden" name="requestId" value={requestIds.evidence} />
          <SelectField name="ziArea" label={labels.ziArea} state={state} options={areaOptions} />
          <Field name="title" label={labels.title} state={state} />
          <div class={state.errors?.file ? 'field has-error' : 'field'}>
            <label for="f-file">{labels.file}</label>
            {state.errors?.file && (
              <p class="error" id="f-file-error">
                {state.errors.file}
              </p>
            )}
            <input id="f-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" />
          </div>
          <button type="submit">{t('performance.evaluation.upload')}</button>
        </form>
      )}
    </Layout>
  );
}
