import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RegionPicker, type RegionChoice, type RegionOptions } from '../../regions/views/region-picker.tsx';
import { organiserKinds } from '../schema.ts';
import { rowErrors } from './parts.tsx';
import { formText } from '../../platform/http/fields.ts';

export const venuePicker = 'venueVillage';

type Props = {
  ctx: PageContext;
  state: FormState;
  units: { code: string; name: string }[];
  region: { choice: RegionChoice; options: RegionOptions };
  minimum: number;
};

/** The community's request: works without JavaScript; htmx only reloads the region picker. */
export function RequestPage({ ctx, state, units, region, minimum }: Props) {
  const { t } = ctx;
  const fields = [
    'organiserKind',
    'organiserName',
    'contactName',
    'contactPhone',
    'contactEmail',
    'venue',
    'venueVillage',
    'unitCode',
    'date1',
    'date2',
    'date3',
    'expectedParticipants',
    'participantsText',
    'participantsFile',
  ];
  const labels = Object.fromEntries(fields.map((f) => [f, t(`outreach.fields.${f}`)]));
  const rows = rowErrors(ctx, state.errors);
  const summary = Object.fromEntries(
    Object.entries(state.errors ?? {}).filter(([k]) => !k.startsWith('participants:')),
  );
  if (rows.length > 0) summary.participantsText = t('outreach.request.rowsTitle');
  return (
    <Layout ctx={ctx} title={t('outreach.request.title')} htmx hasErrors={!!state.errors}>
      <h1>{t('outreach.request.title')}</h1>
      <p>{t('outreach.request.lead')}</p>
      <ErrorSummary ctx={ctx} errors={summary} labels={labels} />
      <form method="post" action="/eazy-paspor/ajukan" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="requestId" value={formText(state.values?.requestId)} />
        <SelectField
          name="organiserKind"
          label={labels.organiserKind!}
          state={state}
          options={organiserKinds.map((k) => ({ value: k, label: t(`outreach.kinds.${k}`) }))}
        />
        <Field name="organiserName" label={labels.organiserName!} state={state} required />
        <Field name="contactName" label={labels.contactName!} state={state} autocomplete="name" required />
        <Field name="contactPhone" label={labels.contactPhone!} state={state} type="tel" autocomplete="tel" required />
        <Field name="contactEmail" label={labels.contactEmail!} state={state} type="email" autocomplete="email" />
        <Field name="venue" label={labels.venue!} state={state} required />
        <RegionPicker
          ctx={ctx}
          name={venuePicker}
          legend={labels.venueVillage!}
          choice={region.choice}
          options={region.options}
          error={state.errors?.venueVillage}
        />
        <SelectField
          name="unitCode"
          label={labels.unitCode!}
          state={state}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <Field
          name="date1"
          label={labels.date1!}
          hint={t('outreach.request.datesHint')}
          state={state}
          type="date"
          required
        />
        <Field name="date2" label={labels.date2!} state={state} type="date" />
        <Field name="date3" label={labels.date3!} state={state} type="date" />
        <Field
          name="expectedParticipants"
          label={labels.expectedParticipants!}
          hint={t('outreach.request.minimumHint', { minimum })}
          state={state}
          inputmode="numeric"
          required
        />
        <TextArea
          name="participantsText"
          label={labels.participantsText!}
          hint={t('outreach.request.participantsHint')}
          state={state}
          rows={6}
        />
        {rows.length > 0 && (
          <div class="error-summary" id="participant-rows">
            <h2>{t('outreach.request.rowsTitle')}</h2>
            <ul>
              {rows.map((r) => (
                <li key={r.line}>{r.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div class="field">
          <label for="f-participantsFile">{labels.participantsFile}</label>
          <p class="hint">{t('outreach.request.fileHint')}</p>
          <input id="f-participantsFile" name="participantsFile" type="file" accept=".csv,text/csv" />
        </div>
        <button type="submit">{t('outreach.request.submit')}</button>
      </form>
    </Layout>
  );
}

export function SentPage({ ctx, trackingCode }: { ctx: PageContext; trackingCode: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outreach.request.sentTitle')}>
      <h1>{t('outreach.request.sentTitle')}</h1>
      <p>{t('outreach.request.sentLead')}</p>
      <dl class="facts">
        <dt>{t('outreach.request.trackingCode')}</dt>
        <dd>
          <strong>{trackingCode}</strong>
        </dd>
      </dl>
      <p>
        <a href={`/eazy-paspor/status?code=${encodeURIComponent(trackingCode)}`}>{t('outreach.request.followLink')}</a>
      </p>
    </Layout>
  );
}

export type StatusResult = {
  trackingCode: string;
  status: string;
  organiserName: string;
  date: string | null;
  deliveryDate: string | null;
  refusalReason: string | null;
};

/** Only the organiser's name, the status and the decision: the code may be passed around the community. */
export function StatusPage({
  ctx,
  code,
  result,
  dateText,
}: {
  ctx: PageContext;
  code: string;
  result: StatusResult | null;
  dateText: (d: string) => string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outreach.status.title')}>
      <h1>{t('outreach.status.title')}</h1>
      <p>{t('outreach.status.lead')}</p>
      {code && !result && (
        <p class="notice" role="status">
          {t('outreach.status.notFound')}
        </p>
      )}
      {result && (
        <dl class="facts" aria-live="polite">
          <dt>{t('outreach.status.organiser')}</dt>
          <dd>{result.organiserName}</dd>
          <dt>{t('outreach.status.status')}</dt>
          <dd>{t(`outreach.statuses.${result.status}`)}</dd>
          {result.date && (
            <>
              <dt>{t('outreach.status.date')}</dt>
              <dd>{dateText(result.date)}</dd>
            </>
          )}
          {result.deliveryDate && (
            <>
              <dt>{t('outreach.status.deliveryDate')}</dt>
              <dd>{dateText(result.deliveryDate)}</dd>
            </>
          )}
          {result.refusalReason && (
            <>
              <dt>{t('outreach.status.reason')}</dt>
              <dd>{result.refusalReason}</dd>
            </>
          )}
        </dl>
      )}
      <form method="get" action="/eazy-paspor/status">
        <Field name="code" label={t('outreach.fields.code')} state={{ values: { code } }} autocomplete="off" required />
        <button type="submit">{t('outreach.status.submit')}</button>
      </form>
    </Layout>
  );
}
