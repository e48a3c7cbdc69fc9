import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { CaseRow } from '../list-cases.ts';
import { caseSources, caseStatuses, type CaseStatus } from '../schema.ts';

type Props = {
  ctx: PageContext;
  rows: CaseRow[];
  scope: string[];
  filter: { status?: CaseStatus; unit?: string };
  mayOpen: boolean;
  form: FormState;
  requestId: string;
};

function Filter({ ctx, scope, filter }: Pick<Props, 'ctx' | 'scope' | 'filter'>) {
  const { t } = ctx;
  return (
    <form method="get" action="/officer/enforcement" class="filters">
      <div class="field">
        <label for="f-status">{t('enforcement.status')}</label>
        <select id="f-status" name="status">
          <option value="">{t('enforcement.all')}</option>
          {caseStatuses.map((s) => (
            <option key={s} value={s} selected={filter.status === s}>
              {t(`enforcement.statuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-unit">{t('enforcement.unit')}</label>
        <select id="f-unit" name="unit">
          <option value="">{t('enforcement.all')}</option>
          {scope.map((u) => (
            <option key={u} value={u} selected={filter.unit === u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {t('enforcement.filter')}
      </button>
    </form>
  );
}

function OpenForm({ ctx, scope, form, requestId }: Pick<Props, 'ctx' | 'scope' | 'form' | 'requestId'>) {
  const { t } = ctx;
  const state = { values: { unitCode: scope[0], ...form.values }, errors: form.errors };
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{t('enforcement.openTitle')}</h2>
      <PostForm ctx={ctx} action="/officer/enforcement/cases" submit={t('enforcement.openSubmit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <SelectField
          name="unitCode"
          label={t('enforcement.fields.unitCode')}
          state={state}
          options={scope.map((u) => ({ value: u, label: u }))}
        />
        <SelectField
          name="sourceKind"
          label={t('enforcement.fields.sourceKind')}
          state={state}
          options={caseSources.map((s) => ({ value: s, label: t(`enforcement.sources.${s}`) }))}
        />
        <Field
          name="sourceRef"
          label={t('enforcement.fields.sourceRef')}
          hint={t('enforcement.sourceHint')}
          state={state}
        />
        <Field
          name="foreignerId"
          label={t('enforcement.fields.foreignerId')}
          hint={t('enforcement.foreignerHint')}
          state={state}
        />
        <TextArea name="grounds" label={t('enforcement.fields.grounds')} state={state} />
      </PostForm>
    </section>
  );
}

/** The units' cases, newest first, and the form that opens one. */
export function CasesPage({ ctx, rows, scope, filter, mayOpen, form, requestId }: Props) {
  const { t } = ctx;
  const caption = t('enforcement.count', { n: rows.length });
  const labels = Object.fromEntries(
    ['unitCode', 'sourceKind', 'sourceRef', 'foreignerId', 'grounds'].map((k) => [k, t(`enforcement.fields.${k}`)]),
  );
  return (
    <Layout ctx={ctx} title={t('enforcement.title')} hasErrors={!!form.errors}>
      <h1>{t('enforcement.title')}</h1>
      <p class="lead">{t('enforcement.lead')}</p>
      <p class="notice">{t('enforcement.audited')}</p>
      <ErrorSummary ctx={ctx} errors={form.errors} labels={labels} />
      <Filter ctx={ctx} scope={scope} filter={filter} />
      {rows.length === 0 ? (
        <p>{t('enforcement.none')}</p>
      ) : (
        <ScrollRegion label={caption}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {['person', 'unit', 'source', 'status', 'opened'].map((c) => (
                  <th key={c} scope="col">
                    {t(`enforcement.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/officer/enforcement/cases/${r.id}`}>
                      {r.person ? `${r.person.surname}, ${r.person.givenNames}` : r.foreignerId} ({r.nationality})
                    </a>
                  </td>
                  <td>{r.unitCode}</td>
                  <td>{t(`enforcement.sources.${r.sourceKind}`)}</td>
                  <td>{t(`enforcement.statuses.${r.status}`)}</td>
                  <td>{formatDateTime(ctx.lang, r.openedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {mayOpen && <OpenForm ctx={ctx} scope={scope} form={form} requestId={requestId} />}
    </Layout>
  );
}
