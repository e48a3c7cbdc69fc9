import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import { RegionPicker, type RegionChoice, type RegionOptions } from '../../regions/views/region-picker.tsx';
import { tipChannels, tipKinds } from '../schema.ts';
import { options } from './parts.tsx';

/** The picker's field names are `village_province` … `village_village`. */
export const villagePicker = 'village';
export const tipFields = [
  'channel',
  'kind',
  'villageCode',
  'description',
  'subjectName',
  'anonymous',
  'reporterName',
  'reporterPhone',
  'reporterEmail',
];

type Props = {
  ctx: PageContext;
  state: FormState;
  region: { choice: RegionChoice; options: RegionOptions };
  requestId: string;
  officerEntry: boolean;
};

/** The short form a villager fills in on a phone: what, where (if known), about whom, and who (or anonymous). */
export function FilePage({ ctx, state, region, requestId, officerEntry }: Props) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    ...Object.fromEntries(tipFields.map((f) => [f, t(`villageTips.fields.${f}`)])),
    [villagePicker]: t('villageTips.villageLegend'),
  };
  return (
    <Layout ctx={ctx} title={t('villageTips.fileTitle')} hasErrors={!!state.errors}>
      <h1>{t('villageTips.fileTitle')}</h1>
      <p class="lead">{t('villageTips.fileLead')}</p>
      <p>{t('villageTips.fileSafety')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action="/desa-binaan/lapor" submit={t('villageTips.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        {officerEntry && (
          <>
            <p class="hint">{t('villageTips.officerEntry')}</p>
            <SelectField
              name="channel"
              label={labels.channel!}
              state={state}
              options={options(ctx, 'channels', tipChannels)}
            />
          </>
        )}
        <Radios name="kind" legend={labels.kind!} state={state} options={options(ctx, 'kinds', tipKinds)} />
        <RegionPicker
          ctx={ctx}
          name={villagePicker}
          legend={t('villageTips.villageLegend')}
          choice={region.choice}
          options={region.options}
          error={state.errors?.[villagePicker]}
        />
        <TextArea
          name="description"
          label={labels.description!}
          hint={t('villageTips.hints.description')}
          state={state}
          rows={5}
        />
        <Field name="subjectName" label={labels.subjectName!} state={state} />
        <h2>{t('villageTips.reporterSection')}</h2>
        <p class="hint">{t('villageTips.reporterHint')}</p>
        <label class="check" for="f-anonymous">
          <input
            type="checkbox"
            id="f-anonymous"
            name="anonymous"
            value="1"
            checked={state.values?.anonymous === '1'}
          />{' '}
          {labels.anonymous}
        </label>
        <Field name="reporterName" label={labels.reporterName!} state={state} autocomplete="name" />
        <Field name="reporterPhone" label={labels.reporterPhone!} state={state} type="tel" autocomplete="tel" />
        <Field name="reporterEmail" label={labels.reporterEmail!} state={state} type="email" autocomplete="email" />
      </PostForm>
      <p>
        <a href="/desa-binaan/lapor/lacak">{t('villageTips.followLink')}</a>
      </p>
    </Layout>
  );
}

/** Shown once after sending: the code and the secret, which nobody can show again. */
export function FiledPage({ ctx, trackingCode, secret }: { ctx: PageContext; trackingCode: string; secret: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('villageTips.filedTitle')}>
      <h1>{t('villageTips.filedTitle')}</h1>
      <p class="lead">{t('villageTips.filedLead')}</p>
      <dl>
        <dt>{t('villageTips.fields.trackingCode')}</dt>
        <dd>
          <strong class="code">{trackingCode}</strong>
        </dd>
        <dt>{t('villageTips.fields.secret')}</dt>
        <dd>
          <strong class="code">{secret}</strong>
        </dd>
      </dl>
      <p role="alert">
        <strong>{t('villageTips.writeDown')}</strong>
      </p>
      <p>
        <a href="/desa-binaan/lapor/lacak">{t('villageTips.followLink')}</a>
      </p>
    </Layout>
  );
}
