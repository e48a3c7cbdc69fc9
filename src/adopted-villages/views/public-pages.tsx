import { formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { AdoptedVillageView } from '../list-adopted-villages.ts';
import { decreeText, OfficeContact, OfficerContacts, reasonsText } from './village-facts.tsx';

export type RegencyCount = { regencyCode: string; regency: string; villages: number };

/** The public index: every regency with adopted villages, and how many. */
export function PublicIndexPage({ ctx, regencies }: { ctx: PageContext; regencies: RegencyCount[] }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('adoptedVillages.title')}>
      <h1>{t('adoptedVillages.title')}</h1>
      <p>{t('adoptedVillages.lead')}</p>
      <TipLink ctx={ctx} />
      <h2>{t('adoptedVillages.byRegency')}</h2>
      {regencies.length === 0 ? (
        <p>{t('adoptedVillages.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('adoptedVillages.fields.regency')}</th>
              <th scope="col">{t('adoptedVillages.fields.villages')}</th>
            </tr>
          </thead>
          <tbody>
            {regencies.map((r) => (
              <tr key={r.regencyCode}>
                <th scope="row">
                  <a href={`/desa-binaan/${r.regencyCode}`}>{r.regency}</a>
                </th>
                <td>{formatNumber(lang, r.villages)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** Where a villager asks or reports, without an account (the village-tips form). */
function TipLink({ ctx }: { ctx: PageContext }) {
  return (
    <p>
      <a href="/desa-binaan/lapor">{ctx.t('adoptedVillages.tipLink')}</a>
    </p>
  );
}

type RegencyProps = { ctx: PageContext; regency: string; villages: AdoptedVillageView[] };

/** One regency's adopted villages with their decree, why they were chosen, their PIMPASA and the office to call. */
export function PublicRegencyPage({ ctx, regency, villages }: RegencyProps) {
  const { t } = ctx;
  const title = t('adoptedVillages.regencyTitle', { regency });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/desa-binaan">{t('adoptedVillages.allRegencies')}</a>
      </p>
      <h1>{title}</h1>
      {villages.length === 0 ? (
        <p>{t('adoptedVillages.none')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('adoptedVillages.fields.village')}</th>
                <th scope="col">{t('adoptedVillages.fields.district')}</th>
                <th scope="col">{t('adoptedVillages.fields.officers')}</th>
                <th scope="col">{t('adoptedVillages.fields.office')}</th>
                <th scope="col">{t('adoptedVillages.fields.decree')}</th>
                <th scope="col">{t('adoptedVillages.fields.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => (
                <tr key={v.villageCode}>
                  <th scope="row">{v.village}</th>
                  <td>{v.district}</td>
                  <td>
                    <OfficerContacts ctx={ctx} village={v} />
                  </td>
                  <td>
                    <OfficeContact village={v} />
                  </td>
                  <td>{decreeText(ctx, v)}</td>
                  <td>{reasonsText(ctx, v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <TipLink ctx={ctx} />
    </Layout>
  );
}
