import type { Unit } from '../../units/schema.ts';
import { Radios } from '../../platform/views/radios.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { complaintCategories, complaintChannels, complaintTypes } from '../schema.ts';
import { PostForm } from '../../platform/views/post-form.tsx';
import { options } from './parts.tsx';

export const filingFields = [
  'channel',
  'laporReference',
  'type',
  'category',
  'unitCode',
  'applicationTrackingCode',
  'description',
  'subjectName',
  'anonymous',
  'reporterName',
  'reporterEmail',
  'reporterPhone',
  'file',
];

type Props = {
  ctx: PageContext;
  state: FormState;
  units: Pick<Unit, 'code' | 'name'>[];
  requestId: string;
  officerEntry: boolean;
  maxBytes: number;
};

/** The complaint form: what, where, who (or anonymous), an optional file; works without JavaScript. */
export function FilePage({ ctx, state, units, requestId, officerEntry, maxBytes }: Props) {
  const { t } = ctx;
  const labels = Object.fromEntries(filingFields.map((f) => [f, t(`complaints.fields.${f}`)]));
  const anonymous = state.values?.anonymous === '1';
  return (
    <Layout ctx={ctx} title={t('complaints.fileTitle')} hasErrors={!!state.errors}>
      <h1>{t('complaints.fileTitle')}</h1>
      <p class="lead">{t('complaints.fileLead')}</p>
      <p>{t('complaints.fileSafety')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action="/pengaduan" submit={t('complaints.submit')} upload>
        <input type="hidden" name="requestId" value={requestId} />
        {officerEntry && (
          <>
            <SelectField
              name="channel"
              label={labels.channel!}
              state={state}
              options={options(ctx, 'channels', complaintChannels)}
            />
            <Field
              name="laporReference"
              label={labels.laporReference!}
              hint={t('complaints.hints.laporReference')}
              state={state}
            />
          </>
        )}
        <Radios name="type" legend={labels.type!} state={state} options={options(ctx, 'types', complaintTypes)} />
        <SelectField
          name="category"
          label={labels.category!}
          state={state}
          options={options(ctx, 'categories', complaintCategories)}
        />
        <SelectField
          name="unitCode"
          label={labels.unitCode!}
          state={state}
          options={units.map((u) => ({ value: u.code, label: u.name }))}
        />
        <Field name="applicationTrackingCode" label={labels.applicationTrackingCode!} state={state} />
        <TextArea
          name="description"
          label={labels.description!}
          hint={t('complaints.hints.description')}
          state={state}
          rows={6}
        />
        <Field name="subjectName" label={labels.subjectName!} hint={t('complaints.hints.subjectName')} state={state} />
        <h2>{t('complaints.reporterSection')}</h2>
        <p class="hint">{t('complaints.hints.reporter')}</p>
        <label class="check" for="f-anonymous">
          <input type="checkbox" id="f-anonymous" name="anonymous" value="1" checked={anonymous} /> {labels.anonymous}
        </label>
        <Field name="reporterName" label={labels.reporterName!} state={state} autocomplete="name" />
        <Field name="reporterEmail" label={labels.reporterEmail!} state={state} type="email" autocomplete="email" />
        <Field name="reporterPhone" label={labels.reporterPhone!} state={state} type="tel" autocomplete="tel" />
        <div class={state.errors?.file ? 'field has-error' : 'field'}>
          <label for="f-file">{labels.file}</label>
          <p class="hint">{t('complaints.hints.file', { mb: Math.floor(maxBytes / 1024 / 1024) })}</p>
          {state.errors?.file && (
            <p class="error" id="f-file-error">
              {state.errors.file}
            </p>
          )}
          <input type="file" id="f-file" name="file" accept="image/jpeg,image/png,application/pdf" />
        </div>
      </PostForm>
      <p>
        <a href="/pengaduan/lacak">{t('complaints.followLink')}</a>
      </p>
    </Layout>
  );
}

/** Shown once after filing: the code and the secret, which nobody can show again. */
export function FiledPage({ ctx, trackingCode, secret }: { ctx: PageContext; trackingCode: string; secret: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('complaints.filedTitle')}>
      <h1>{t('complaints.filedTitle')}</h1>
      <p class="lead">{t('complaints.filedLead')}</p>
      <dl>
        <dt>{t('complaints.fields.trackingCode')}</dt>
        <dd>
          <strong class="code">{trackingCode}</strong>
        </dd>
        <dt>{t('complaints.fields.secret')}</dt>
        <dd>
          <strong class="code">{secret}</strong>
        </dd>
      </dl>
      <p role="alert">
        <strong>{t('complaints.writeDown')}</strong>
      </p>
      <p>
        <a href="/pengaduan/lacak">{t('complaints.followLink')}</a>
      </p>
    </Layout>
  );
}
