import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { figureName } from '../../dashboard/figure-name.ts';
import { indicatorName } from '../report-rows.ts';
import type { Indicator } from '../schema.ts';

type Props = {
  ctx: PageContext;
  indicators: Indicator[];
  may: { edit: boolean; targets: boolean; evaluations: boolean };
};

/** The indicator catalogue, for every officer: what each indicator counts and which ZI area it gives evidence for. */
export function CataloguePage({ ctx, indicators, may }: Props) {
  const { t, lang } = ctx;
  const figure = (code: string) => figureName(t, code);
  return (
    <Layout ctx={ctx} title={t('performance.catalogue.title')}>
      <h1>{t('performance.catalogue.title')}</h1>
      <p>{t('performance.catalogue.lead')}</p>
      {(may.edit || may.targets || may.evaluations) && (
        <ul>
          {may.edit && (
            <li>
              <a href="/officer/performance/indicators/edit">{t('performance.edit.add')}</a>
            </li>
          )}
          {may.targets && (
            <li>
              <a href="/officer/performance/targets">{t('performance.targets.title')}</a>
            </li>
          )}
          {may.evaluations && (
            <li>
              <a href="/officer/performance/evaluations">{t('performance.evaluations.title')}</a>
            </li>
          )}
        </ul>
      )}
      <ScrollRegion label={t('performance.catalogue.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('performance.catalogue.code')}</th>
              <th scope="col">{t('performance.catalogue.name')}</th>
              <th scope="col">{t('performance.catalogue.computed')}</th>
              <th scope="col">{t('performance.catalogue.measure')}</th>
              <th scope="col">{t('performance.catalogue.direction')}</th>
              <th scope="col">{t('performance.catalogue.period')}</th>
              <th scope="col">{t('performance.catalogue.area')}</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.code}>
                <td>
                  {i.code}
                  {!i.active && <small> ({t('performance.catalogue.inactive')})</small>}
                  {may.edit && (
                    <>
                      <br />
                      <a href={`/officer/performance/indicators/edit?code=${encodeURIComponent(i.code)}`}>
                        {t('performance.edit.change')}
                        <span class="visually-hidden"> {i.code}</span>
                      </a>
                    </>
                  )}
                </td>
                <th scope="row">{indicatorName(lang, i)}</th>
                <td>
                  {lang === 'en' ? i.descriptionEn : i.descriptionId}
                  <br />
                  <small>
                    <em>
                      {i.denominatorCode
                        ? t('performance.catalogue.ratio', {
                            numerator: figure(i.figureCode),
                            denominator: figure(i.denominatorCode),
                          })
                        : figure(i.figureCode)}
                    </em>
                  </small>
                </td>
                <td>{t(`performance.measures.${i.measure}`)}</td>
                <td>{t(`performance.directions.${i.direction}`)}</td>
                <td>{t(`performance.periods.${i.period}`)}</td>
                <td>{t(`performance.areas.${i.ziArea}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Layout>
  );
}
