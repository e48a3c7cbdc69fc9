import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { indicatorName } from '../report-rows.ts';
import type { Indicator } from '../schema.ts';
import { targetField } from '../targets.ts';

type Props = {
  ctx: PageContext;
  units: { code: string; name: string }[];
  unitCode: string;
  year: number;
  indicators: Indicator[];
  state: FormState;
};

/** A unit's yearly targets: pick the unit and year, then one field per active indicator. */
export function TargetsPage({ ctx, units, unitCode, year, indicators, state }: Props) {
  const { t, lang } = ctx;
  const labels = Object.fromEntries(indicators.map((i) => [targetField(i.code), indicatorName(lang, i)]));
  return (
    <Layout ctx={ctx} title={t('performance.targets.title')} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/performance">{t('performance.catalogue.title')}</a>
      </p>
      <h1>{t('performance.targets.title')}</h1>
      <p>{t('performance.targets.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <form method="get" action="/officer/performance/targets">
        <div class="field">
          <label for="f-pick-unit">{t('performance.targets.unit')}</label>
          <select id="f-pick-unit" name="unitCode">
            {units.map((u) => (
              <option key={u.code} value={u.code} selected={u.code === unitCode}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-pick-year">{t('performance.targets.year')}</label>
          <input id="f-pick-year" name="year" type="number" inputMode="numeric" value={String(year)} />
        </div>
        <button type="submit" class="secondary">
          {t('performance.targets.show')}
        </button>
      </form>
      <form method="post" action="/officer/performance/targets" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="unitCode" value={unitCode} />
        <input type="hidden" name="year" value={String(year)} />
        <p class="hint">{t('performance.targets.empty')}</p>
        <ScrollRegion label={t('performance.targets.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('performance.catalogue.name')}</th>
                <th scope="col">{t('performance.catalogue.measure')}</th>
                <th scope="col">{t('performance.targets.target', { year })}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => {
                const name = targetField(i.code);
                const error = state.errors?.[name];
                const value = state.values?.[name];
                return (
                  <tr key={i.code}>
                    <th scope="row">
                      <label for={`f-${name}`}>{indicatorName(lang, i)}</label>
                    </th>
                    <td>{t(`performance.measures.${i.measure}`)}</td>
                    <td class={error ? 'has-error' : undefined}>
                      {error && (
                        <p class="error" id={`f-${name}-error`}>
                          {error}
                        </p>
                      )}
                      <input
                        id={`f-${name}`}
                        name={name}
                        inputMode="decimal"
                        value={typeof value === 'string' ? value : undefined}
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={error ? `f-${name}-error` : undefined}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        <button type="submit">{t('performance.targets.save')}</button>
      </form>
    </Layout>
  );
}
