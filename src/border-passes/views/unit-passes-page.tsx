import { formatCalendarDate } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { passStatusOn } from '../find-pass-for-crossing.ts';
import type { BorderPass } from '../schema.ts';

type Props = {
  ctx: PageContext;
  unit: { code: string; name: string };
  passes: BorderPass[];
  query?: string;
  today: string;
  validityMonths: number;
  may: { issue: boolean; refusals: boolean };
};

/** A unit's passes, newest first, with a search by NIK or number and the way to issue a new one. */
export function UnitPassesPage({ ctx, unit, passes, query, today, validityMonths, may }: Props) {
  const { t, lang } = ctx;
  const base = `/officer/units/${unit.code}/border-passes`;
  const title = t('borderPasses.unitTitle', { unit: unit.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('borderPasses.lead', { months: validityMonths })}</p>
      <ul>
        {may.issue && (
          <li>
            <a href={`${base}/new`}>{t('borderPasses.issueLink')}</a>
          </li>
        )}
        {may.refusals && (
          <li>
            <a href={`${base}/refusals`}>{t('borderPasses.refusalsLink')}</a>
          </li>
        )}
      </ul>
      <form method="get" action={base} role="search">
        <div class="field">
          <label for="f-q">{t('borderPasses.search')}</label>
          <input id="f-q" name="q" value={query ?? ''} inputMode="text" />
        </div>
        <button type="submit">{t('borderPasses.searchSubmit')}</button>
      </form>
      {passes.length === 0 ? (
        <p>{t('borderPasses.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('borderPasses.fields.number')}</th>
                <th scope="col">{t('borderPasses.fields.fullName')}</th>
                <th scope="col">{t('borderPasses.fields.nik')}</th>
                <th scope="col">{t('borderPasses.fields.validUntil')}</th>
                <th scope="col">{t('borderPasses.fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {passes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <a href={`${base}/${p.id}`}>{p.number}</a>
                  </th>
                  <td>{p.fullName}</td>
                  <td>{p.nik}</td>
                  <td>{formatCalendarDate(lang, p.validUntil)}</td>
                  <td>{t(`borderPasses.statuses.${passStatusOn(p, today)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
