import type { PageContext } from '../../platform/views/context.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { formatScore } from '../format-ikm.ts';
import type { IkmReport } from '../ikm-report.ts';

/** The IKM table as offices publish it: each element's mean, then the IKM, converted value and category. */
export function IkmSummary({ ctx, report }: { ctx: PageContext; report: IkmReport }) {
  const { t, lang } = ctx;
  const { ikm, sample } = report;
  return (
    <>
      <p>
        {t('surveys.officer.respondents')}: <strong>{ikm.respondents}</strong>
      </p>
      <p>
        {t('surveys.officer.sample', {
          population: sample.population,
          sample: sample.sample,
          needed: sample.stillNeeded,
        })}
      </p>
      {ikm.respondents === 0 ? (
        <p>{t('surveys.officer.none')}</p>
      ) : (
        <ScrollRegion label={t('surveys.officer.element')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('surveys.officer.element')}</th>
                <th scope="col">{t('surveys.officer.mean')}</th>
              </tr>
            </thead>
            <tbody>
              {ikm.elements.map((e) => (
                <tr key={e.code}>
                  <td>{`${e.code.toUpperCase()} ${t(`surveys.elements.${e.code}.name`)}`}</td>
                  <td>{formatScore(lang, e.mean, 3)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('surveys.officer.ikm')}</th>
                <td>{formatScore(lang, ikm.ikm, 3)}</td>
              </tr>
              <tr>
                <th scope="row">{t('surveys.officer.converted')}</th>
                <td>{formatScore(lang, ikm.converted, 2)}</td>
              </tr>
              <tr>
                <th scope="row">{t('surveys.officer.category')}</th>
                <td>{ikm.category ? `${ikm.category} (${t(`surveys.categories.${ikm.category}`)})` : '—'}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
