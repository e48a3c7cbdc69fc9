import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import type { BanList, WatchlistEntry } from '../schema.ts';

export type RowForm = 'extend' | 'lift';
export type RowState = FormState & { id?: string; form?: RowForm };

/** One small field of a row's form, with its error; ids carry the entry's id, as a page holds many such forms. */
function RowField({
  id,
  name,
  label,
  type,
  state,
}: {
  id: string;
  name: string;
  label: string;
  type?: 'date';
  state: FormState;
}) {
  const error = state.errors?.[name];
  const value = state.values?.[name];
  const shown = typeof value === 'string' ? value : undefined;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {error && <p class="error">{error}</p>}
      {type === 'date' ? (
        <input id={id} name={name} type="date" value={shown} />
      ) : (
        <input id={id} name={name} type="text" value={shown} />
      )}
    </div>
  );
}

/** A row's extend or lift form; the request id lets a resent form find what the first one did. */
export function RowFormView({
  ctx,
  base,
  entry,
  form,
  requestId,
  state,
}: {
  ctx: PageContext;
  base: string;
  entry: WatchlistEntry;
  form: RowForm;
  requestId: string;
  state: FormState;
}) {
  const { t } = ctx;
  const id = (name: string) => `${form}-${name}-${entry.id}`;
  return (
    <form method="post" action={`${base}/${entry.id}/${form}`} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="requestId" value={`${requestId}-${form[0]}`} />
      {form === 'extend' ? (
        <>
          <RowField id={id('until')} name="validUntil" label={t('watchlist.extendUntil')} type="date" state={state} />
          <RowField id={id('ref')} name="reference" label={t('watchlist.extendReference')} state={state} />
        </>
      ) : (
        <RowField id={id('reason')} name="reason" label={t('watchlist.liftReason')} state={state} />
      )}
      <button type="submit" class="secondary">
        {t(`watchlist.${form}`)}
      </button>
    </form>
  );
}

/** The add form: the prevention list takes a NIK or a birth date, the entry-ban list a foreigner's document. */
export function AddEntryForm({
  ctx,
  base,
  list,
  state,
  requestId,
  labels,
}: {
  ctx: PageContext;
  base: string;
  list: BanList;
  state: FormState;
  requestId: string;
  labels: Record<string, string>;
}) {
  const { t } = ctx;
  const document = (
    <>
      <Field
        name="nationality"
        label={labels.nationality!}
        hint={list === 'exit' ? t('watchlist.documentHint') : t('watchlist.entryDocumentHint')}
        state={state}
      />
      <Field name="documentNumber" label={labels.documentNumber!} state={state} />
    </>
  );
  return (
    <>
      <h2>{t(`watchlist.lists.${list}.addTitle`)}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={base} submit={t('watchlist.add')}>
        <input type="hidden" name="requestId" value={requestId} />
        <Field name="fullName" label={labels.fullName!} state={state} />
        {list === 'exit' && (
          <Field name="nik" label={labels.nik!} hint={t('watchlist.nikHint')} state={state} inputmode="numeric" />
        )}
        {list === 'entry' && document}
        <Field name="birthDate" label={labels.birthDate!} hint={t('watchlist.dateHint')} state={state} type="date" />
        {list === 'exit' && document}
        <Field name="reason" label={labels.reason!} hint={t('watchlist.reasonHint')} state={state} />
        <Field name="reference" label={labels.reference!} hint={t('watchlist.referenceHint')} state={state} />
        <Field
          name="validFrom"
          label={labels.validFrom!}
          hint={t('watchlist.validFromHint')}
          state={state}
          type="date"
        />
        <Field
          name="validUntil"
          label={labels.validUntil!}
          hint={t('watchlist.validUntilHint')}
          state={state}
          type="date"
        />
      </Form>
    </>
  );
}
