import { figureCodes } from '../../dashboard/figures.ts';
import { figureName } from '../../dashboard/figure-name.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { directions, measures, periods, ziAreas } from '../schema.ts';

type Props = { ctx: PageContext; code: string | null; state: FormState };

/** Adds an indicator (code given here) or changes one (code fixed): the figure it counts and how it is judged. */
export function IndicatorFormPage({ ctx, code, state }: Props) {
  const { t } = ctx;
  const title = code ? t('performance.edit.title', { code }) : t('performance.edit.newTitle');
  const labels: Record<string, string> = {
    code: t('performance.edit.code'),
    figureCode: t('performance.edit.figure'),
    denominatorCode: t('performance.edit.denominator'),
    measure: t('performance.catalogue.measure'),
    direction: t('performance.catalogue.direction'),
    period: t('performance.catalogue.period'),
    ziArea: t('performance.catalogue.area'),
    nameId: t('performance.edit.nameId'),
    nameEn: t('performance.edit.nameEn'),
    descriptionId: t('performance.edit.descriptionId'),
    descriptionEn: t('performance.edit.descriptionEn'),
    position: t('performance.edit.position'),
  };
  const options = (values: readonly string[], key: string) =>
    values.map((v) => ({ value: v, label: t(`${key}.${v}`) }));
  const figures = figureCodes.map((f) => ({ value: f, label: figureName(t, f) }));
  const values = state.values;
  const s = { values, errors: state.errors };
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/performance">{t('performance.catalogue.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <form method="post" action="/officer/performance/indicators" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        {code ? <input type="hidden" name="code" value={code} /> : <Field name="code" label={labels.code!} state={s} />}
        <Field name="nameId" label={labels.nameId!} state={s} />
        <Field name="nameEn" label={labels.nameEn!} state={s} />
        <TextArea name="descriptionId" label={labels.descriptionId!} state={s} />
        <TextArea name="descriptionEn" label={labels.descriptionEn!} state={s} />
        <SelectField name="figureCode" label={labels.figureCode!} state={s} options={figures} />
        <SelectField
          name="denominatorCode"
          label={labels.denominatorCode!}
          state={s}
          options={[{ value: '', label: t('performance.edit.none') }, ...figures]}
        />
        <SelectField
          name="measure"
          label={labels.measure!}
          state={s}
          options={options(measures, 'performance.measures')}
        />
        <SelectField
          name="direction"
          label={labels.direction!}
          state={s}
          options={options(directions, 'performance.directions')}
        />
        <SelectField name="period" label={labels.period!} state={s} options={options(periods, 'performance.periods')} />
        <SelectField name="ziArea" label={labels.ziArea!} state={s} options={options(ziAreas, 'performance.areas')} />
        <Field name="position" label={labels.position!} state={s} inputmode="numeric" />
        <div class="field">
          <input
            id="f-active"
            name="active"
            type="checkbox"
            checked={values ? values.active === true || values.active === 'on' : true}
          />
          <label for="f-active">{t('performance.edit.active')}</label>
        </div>
        <button type="submit">{t('performance.edit.save')}</button>
      </form>
    </Layout>
  );
}
