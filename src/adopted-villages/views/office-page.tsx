import { formatCalendarDate, formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { AdoptedVillageView } from '../list-adopted-villages.ts';
import type { Period, VillageSummary } from '../village-activities.ts';
import { heldText, PeriodForm, signalKeys, signalText } from './signals.tsx';
import { ReasonBoxes } from './village-forms.tsx';

type Props = {
  ctx: PageContext;
  villages: AdoptedVillageView[];
  summaries: Map<string, VillageSummary>;
  period: Period;
  /** The adoption form and the offices it may name, for the head of office and admins; null for everyone else. */
  adopt: { state: FormState; units: { code: string; name: string }[] } | null;
  notice?: string;
};

/** The office's adopted villages with the period's activities, people reached and signals; the adoption form. */
export function OfficePage({ ctx, villages, summaries, period, adopt, notice }: Props) {
  const { t, lang } = ctx;
  const state = adopt?.state ?? {};
  // The signals' columns only for a reader who may read them of some village here (a PIMPASA of another desk never).
  const signalColumns = villages.some((v) => summaries.get(v.villageCode)?.signals) ? signalKeys : [];
  return (
    <Layout ctx={ctx} title={t('adoptedVillages.office.title')} hasErrors={!!state.errors}>
      <h1>{t('adoptedVillages.office.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t('adoptedVillages.office.lead')}</p>
      <PeriodForm ctx={ctx} action="/officer/desa-binaan" period={period} />
      {villages.length === 0 ? (
        <p>{t('adoptedVillages.none')}</p>
      ) : (
        <ScrollRegion label={t('adoptedVillages.office.title')}>
          <table>
            <thead>
              <tr>
                {['village', 'district', 'office'].map((k) => (
                  <th scope="col" key={k}>
                    {t(`adoptedVillages.fields.${k}`)}
                  </th>
                ))}
                {['held', 'planned', 'peopleReached', ...signalColumns].map((k) => (
                  <th scope="col" key={k}>
                    {t(`adoptedVillages.office.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {villages.map((v) => {
                const s = summaries.get(v.villageCode)!;
                const query = `?from=${period.from}&to=${period.to}`;
                return (
                  <tr key={v.villageCode}>
                    <th scope="row">
                      <a href={`/officer/desa-binaan/${v.villageCode}${query}`}>{v.village}</a>
                      {v.endedOn &&
                        ` (${t('adoptedVillages.office.ended', { date: formatCalendarDate(lang, v.endedOn) })})`}
                    </th>
                    <td>{v.district}</td>
                    <td>{v.office.name}</td>
                    <td>{heldText(ctx, s)}</td>
                    <td>{formatNumber(lang, s.planned)}</td>
                    <td>{formatNumber(lang, s.peopleReached)}</td>
                    {signalColumns.map((k) => (
                      <td key={k}>{s.signals ? signalText(ctx, s.signals, k) : '–'}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {adopt && (
        <>
          <h2>{t('adoptedVillages.office.adoptTitle')}</h2>
          <ErrorSummary ctx={ctx} errors={state.errors} labels={fieldLabels(ctx)} />
          <PostForm ctx={ctx} action="/officer/desa-binaan" submit={t('adoptedVillages.office.adopt')}>
            <Field
              name="villageCode"
              label={t('adoptedVillages.fields.villageCode')}
              hint={t('adoptedVillages.office.villageCodeHint')}
              state={state}
            />
            <SelectField
              name="unitCode"
              label={t('adoptedVillages.fields.unitCode')}
              state={state}
              options={adopt.units.map((u) => ({ value: u.code, label: u.name }))}
            />
            <VillageFields ctx={ctx} state={state} />
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export const fieldLabels = ({ t }: PageContext): Record<string, string> =>
  Object.fromEntries(
    ['villageCode', 'unitCode', 'decreeNumber', 'decreeDate', 'reasons', 'reasonNote', 'adoptedOn', 'endedOn'].map(
      (k) => [k, t(`adoptedVillages.fields.${k}`)],
    ),
  );

/** The register's fields an adoption and its edit share. */
export function VillageFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Field
        name="decreeNumber"
        label={t('adoptedVillages.fields.decreeNumber')}
        hint={t('adoptedVillages.office.decreeNumberHint')}
        state={state}
      />
      <Field name="decreeDate" type="date" label={t('adoptedVillages.fields.decreeDate')} state={state} />
      <ReasonBoxes ctx={ctx} state={state} />
      <TextArea name="reasonNote" label={t('adoptedVillages.fields.reasonNote')} state={state} />
      <Field name="adoptedOn" type="date" label={t('adoptedVillages.fields.adoptedOn')} state={state} />
    </>
  );
}
