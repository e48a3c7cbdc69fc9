import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { Sex } from '../../foreigners/schema.ts';
import { stayPurposes, type Lodging } from '../schema.ts';

// The foreigners register's sexes (its schema's list, which a view may not import).
const sexes: readonly Sex[] = ['M', 'F', 'X'];

export const documentFields = [
  'surname',
  'givenNames',
  'nationality',
  'issuingState',
  'documentNumber',
  'birthDate',
  'sex',
  'expiresOn',
];
export const stayFields = ['checkInAt', 'expectedCheckOutOn', 'room', 'purpose', 'permitSeen'];

type Props = {
  ctx: PageContext;
  lodging: Lodging;
  state: FormState;
  requestId: string;
  /** A photo came with the form this page answers and could not be kept: ask for it again. */
  photoDropped: boolean;
  photoMaxMb: number;
};

/**
 * One guest per page, for a phone with JavaScript off: "Read the MRZ" posts the form and the server shows it again
 * with the document's fields filled; "Send the report" records the check-in. The form is multipart for the optional
 * photo of the biodata page, whose field comes after the MRZ's button so that a photo is usually chosen after it.
 */
export function CheckInPage({ ctx, lodging, state, requestId, photoDropped, photoMaxMb }: Props) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    mrz: t('foreigners.fields.mrz'),
    photo: t('lodgings.intake.fields.photo'),
    ...Object.fromEntries(documentFields.map((f) => [f, t(`foreigners.fields.${f}`)])),
    ...Object.fromEntries(stayFields.map((f) => [f, t(`lodgings.intake.fields.${f}`)])),
  };
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.checkIn.title')} hasErrors={!!state.errors}>
      <p>
        <a href={`/lodgings/${lodging.id}`}>{lodging.name}</a>
      </p>
      <h1>{t('lodgings.intake.checkIn.title')}</h1>
      <p class="lead">{t('lodgings.intake.checkIn.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <form method="post" action={`/lodgings/${lodging.id}/check-in`} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <input type="hidden" name="requestId" value={requestId} />
        <h2>{t('lodgings.intake.checkIn.documentSection')}</h2>
        <TextArea name="mrz" label={labels.mrz!} hint={t('foreigners.fields.mrzHint')} state={state} rows={2} />
        <button type="submit" name="_readMrz" value="1" class="secondary">
          {t('foreigners.fields.readMrz')}
        </button>
        {documentFields
          .filter((f) => f !== 'sex')
          .map((f) => (
            <Field
              key={f}
              name={f}
              label={labels[f]!}
              state={state}
              type={f === 'birthDate' || f === 'expiresOn' ? 'date' : 'text'}
            />
          ))}
        <Radios
          name="sex"
          legend={labels.sex!}
          state={state}
          options={sexes.map((s) => ({ value: s, label: t(`foreigners.fields.sex${s}`) }))}
        />
        <PhotoField
          ctx={ctx}
          label={labels.photo!}
          error={state.errors?.photo}
          dropped={photoDropped}
          maxMb={photoMaxMb}
        />
        <h2>{t('lodgings.intake.checkIn.staySection')}</h2>
        <Field
          name="checkInAt"
          label={labels.checkInAt!}
          hint={t('lodgings.intake.fields.checkInHint')}
          state={state}
        />
        <Field name="expectedCheckOutOn" label={labels.expectedCheckOutOn!} state={state} type="date" />
        <Field name="room" label={labels.room!} state={state} />
        <SelectField
          name="purpose"
          label={labels.purpose!}
          state={state}
          options={stayPurposes.map((p) => ({ value: p, label: t(`lodgings.intake.purposes.${p}`) }))}
        />
        <Field
          name="permitSeen"
          label={labels.permitSeen!}
          hint={t('lodgings.intake.fields.permitSeenHint')}
          state={state}
        />
        <button type="submit">{t('lodgings.intake.checkIn.submit')}</button>
      </form>
    </Layout>
  );
}

/** The optional photo: what to take, the types and size, and the request to choose it again after a page came back. */
function PhotoField({
  ctx,
  label,
  error,
  dropped,
  maxMb,
}: {
  ctx: PageContext;
  label: string;
  error?: string;
  dropped: boolean;
  maxMb: number;
}) {
  const { t } = ctx;
  const describedBy = ['f-photo-hint', dropped && 'f-photo-again', error && 'f-photo-error'].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-photo">{label}</label>
      <p class="hint" id="f-photo-hint">
        {t('lodgings.intake.fields.photoHint', { mb: maxMb })}
      </p>
      {dropped && (
        <p class="notice" id="f-photo-again" role="status">
          {t('lodgings.intake.checkIn.photoAgain')}
        </p>
      )}
      {error && (
        <p class="error" id="f-photo-error">
          {error}
        </p>
      )}
      <input
        id="f-photo"
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}
