import { formatCalendarDate, formatNumber } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { RowButton } from '../../platform/views/row-actions.tsx';
import type { AdoptedVillageView } from '../list-adopted-villages.ts';
import type { ActivityRow, Period, VillageSummary } from '../village-activities.ts';
import type { ActivityStep } from '../workflow.ts';
import { fieldLabels, VillageFields } from './office-page.tsx';
import { PeriodForm, SignalList } from './signals.tsx';
import { decreeText, OfficeContact, reasonsText } from './village-facts.tsx';
import { ActivityStepForms, PlanForm } from './village-forms.tsx';

/** Each form's values and errors, by form: `plan`, `assign`, `edit`, `end`, or an activity's id. */
export type VillageForms = Record<string, FormState>;

export type VillagePageProps = {
  ctx: PageContext;
  village: AdoptedVillageView;
  summary: VillageSummary;
  activities: (ActivityRow & { steps: ActivityStep[] })[];
  period: Period;
  /** The office's officers, for appointing PIMPASA. */
  officers: { id: string; name: string }[];
  /** The officers the viewer may put on an activity (see `activityOfficers`). */
  planOfficers: { id: string; name: string }[];
  may: { act: boolean; manage: boolean };
  forms: VillageForms;
  requestId: string;
  notice?: string;
};

/** One adopted village for its office and PIMPASA: the register, signals, activities and their forms. */
export function VillagePage(props: VillagePageProps) {
  const { ctx, village, summary, activities, period, may, forms, requestId, notice } = props;
  const { t, lang } = ctx;
  const base = `/officer/desa-binaan/${village.villageCode}`;
  const title = `${village.village}, ${village.district}`;
  const facts: [string, preact.ComponentChildren][] = [
    ['regency', village.regency],
    ['office', <OfficeContact village={village} />],
    ['decree', decreeText(ctx, village)],
    ['reasons', reasonsText(ctx, village)],
    ['adoptedOn', formatCalendarDate(lang, village.adoptedOn)],
    ...(village.endedOn ? [['endedOn', formatCalendarDate(lang, village.endedOn)] as [string, string]] : []),
  ];
  const hasErrors = Object.values(forms).some((f) => !!f.errors);
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <p>
        <a href="/officer/desa-binaan">{t('adoptedVillages.village.back')}</a> ·{' '}
        <a href={`/desa-binaan/${village.regencyCode}`}>{t('adoptedVillages.village.publicPage')}</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <dl>
        {facts.map(([key, value]) => (
          <>
            <dt>{t(`adoptedVillages.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <PeriodForm ctx={ctx} action={base} period={period} />
      <h2>{t(summary.signals ? 'adoptedVillages.village.signals' : 'adoptedVillages.village.figures')}</h2>
      <SignalList ctx={ctx} summary={summary} />
      <h2>{t('adoptedVillages.village.activities')}</h2>
      {activities.length === 0 ? (
        <p>{t('adoptedVillages.village.noActivities')}</p>
      ) : (
        activities.map((a) => (
          <section key={a.id} id={`a-${a.id}`}>
            <h3>
              {formatCalendarDate(lang, a.heldOn)}: {t(`adoptedVillages.kinds.${a.kind}`)} (
              {t(`adoptedVillages.statuses.${a.status}`)})
            </h3>
            <p>
              {a.topics.length > 0 && `${t('adoptedVillages.village.topics')}: ${a.topics.join('; ')}. `}
              {a.peopleReached !== null &&
                `${t('adoptedVillages.village.peopleReached')}: ${formatNumber(lang, a.peopleReached)}. `}
              {a.officers.length > 0 && `${t('adoptedVillages.village.officersOnDuty')}: ${a.officers.join(', ')}. `}
              {a.note}
            </p>
            <ActivityStepForms
              ctx={ctx}
              action={`${base}/activities/${a.id}/actions`}
              steps={a.steps}
              state={forms[a.id] ?? {}}
              requestId={`${requestId.slice(0, 24)}${a.id.slice(0, 8)}`}
            />
          </section>
        ))
      )}
      {may.act && !village.endedOn && (
        <PlanForm
          ctx={ctx}
          action={`${base}/activities`}
          state={forms.plan ?? {}}
          officers={props.planOfficers}
          requestId={requestId}
        />
      )}
      <Pimpasa {...props} base={base} />
      {may.manage && !village.endedOn && <RegisterForms {...props} base={base} />}
    </Layout>
  );
}

function Pimpasa({ ctx, village, officers, may, forms, base }: VillagePageProps & { base: string }) {
  const { t, lang } = ctx;
  const state = forms.assign ?? {};
  return (
    <>
      <h2>{t('adoptedVillages.village.pimpasaTitle')}</h2>
      {village.officers.length === 0 ? (
        <p>{t('adoptedVillages.noOfficer')}</p>
      ) : (
        <ul>
          {village.officers.map((o) => (
            <li key={o.officerId}>
              {o.name}, {o.phone} ({t('adoptedVillages.village.since')} {formatCalendarDate(lang, o.since)}
              {o.until && `, ${t('adoptedVillages.village.until')} ${formatCalendarDate(lang, o.until)}`})
              {may.manage && (
                <RowButton
                  ctx={ctx}
                  action={`${base}/officers/${o.officerId}/unassign`}
                  label={t('adoptedVillages.village.unassign')}
                  row={t('adoptedVillages.village.unassignLabel', { name: o.name })}
                  variant="link"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {may.manage && !village.endedOn && (
        <>
          <h3>{t('adoptedVillages.village.assignTitle')}</h3>
          <ErrorSummary
            ctx={ctx}
            errors={state.errors}
            labels={{
              officerId: t('adoptedVillages.village.officer'),
              phone: t('adoptedVillages.village.workPhone'),
              since: t('adoptedVillages.village.since'),
              until: t('adoptedVillages.village.until'),
            }}
          />
          <PostForm ctx={ctx} action={`${base}/officers`} submit={t('adoptedVillages.village.assign')}>
            <SelectField
              name="officerId"
              label={t('adoptedVillages.village.officer')}
              state={state}
              options={officers.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Field name="phone" type="tel" label={t('adoptedVillages.village.workPhone')} state={state} />
            <Field name="since" type="date" label={t('adoptedVillages.village.since')} state={state} />
            <Field
              name="until"
              type="date"
              label={t('adoptedVillages.village.until')}
              hint={t('adoptedVillages.village.untilHint')}
              state={state}
            />
          </PostForm>
        </>
      )}
    </>
  );
}

function RegisterForms({ ctx, forms, base }: VillagePageProps & { base: string }) {
  const { t } = ctx;
  const edit = forms.edit ?? {};
  const end = forms.end ?? {};
  return (
    <>
      <h2>{t('adoptedVillages.village.editTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={edit.errors} labels={fieldLabels(ctx)} />
      <PostForm ctx={ctx} action={`${base}/edit`} submit={t('adoptedVillages.village.save')}>
        <VillageFields ctx={ctx} state={edit} />
      </PostForm>
      <h2>{t('adoptedVillages.village.endTitle')}</h2>
      <p>{t('adoptedVillages.village.endLead')}</p>
      <ErrorSummary ctx={ctx} errors={end.errors} labels={fieldLabels(ctx)} />
      <PostForm ctx={ctx} action={`${base}/end`} submit={t('adoptedVillages.village.end')}>
        <Field name="endedOn" type="date" label={t('adoptedVillages.fields.endedOn')} state={end} />
      </PostForm>
    </>
  );
}
