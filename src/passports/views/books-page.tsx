import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { BookLedger } from '../book-ledger.ts';
import { bookTypes } from '../book-stock.ts';

export type BookForms = { received: FormState; spoiled: FormState; counted: FormState };
type Props = {
  ctx: PageContext;
  unit: Unit;
  ledger: BookLedger;
  canRecord: boolean;
  forms: BookForms;
  notice?: string;
};

/** The blank-book ledger: stock per type, the forms to record deliveries, spoiled books and counts, the history. */
export function BooksPage({ ctx, unit, ledger, canRecord, forms, notice }: Props) {
  const { t, lang } = ctx;
  const title = t('passports.books.title', { unit: unit.name });
  const typeLabel = (type: string) => t(`counterDesk.passportTypes.${type}`);
  const types = bookTypes.map((b) => ({ value: b, label: typeLabel(b) }));
  const base = `/officer/units/${unit.code}/books`;
  const errors = { ...forms.received.errors, ...forms.spoiled.errors, ...forms.counted.errors };
  const labels: Record<string, string> = {
    receivedType: t('passports.books.type'),
    receivedQuantity: t('passports.books.receivedQuantity'),
    receivedNote: t('passports.books.note'),
    spoiledType: t('passports.books.type'),
    spoiledReason: t('passports.books.spoiledReason'),
    countedType: t('passports.books.type'),
    countedQuantity: t('passports.books.countedQuantity'),
    countedNote: t('passports.books.note'),
  };
  return (
    <Layout ctx={ctx} title={title} hasErrors={Object.keys(errors).length > 0}>
      <h1>{title}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t('passports.books.lead')}</p>
      <ErrorSummary ctx={ctx} errors={Object.keys(errors).length > 0 ? errors : undefined} labels={labels} />
      <h2>{t('passports.books.stockTitle')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('passports.books.type')}</th>
            <th scope="col">{t('passports.books.quantity')}</th>
          </tr>
        </thead>
        <tbody>
          {bookTypes.map((b) => (
            <tr key={b}>
              <td>{typeLabel(b)}</td>
              <td>{ledger.stock[b]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canRecord && (
        <>
          <p>
            <a href={`/officer/units/${unit.code}/stock`}>{t('passports.books.stockLink')}</a>
          </p>
          <h2>{t('passports.books.receivedTitle')}</h2>
          <Form ctx={ctx} action={`${base}/received`} submit={t('passports.books.receivedSave')}>
            <SelectField name="receivedType" label={labels.receivedType!} state={forms.received} options={types} />
            <Field
              name="receivedQuantity"
              label={labels.receivedQuantity!}
              state={forms.received}
              type="number"
              inputmode="numeric"
              required
            />
            <Field name="receivedNote" label={labels.receivedNote!} state={forms.received} />
          </Form>
          <h2>{t('passports.books.spoiledTitle')}</h2>
          <p>{t('passports.books.spoiledLead')}</p>
          <Form ctx={ctx} action={`${base}/spoiled`} submit={t('passports.books.spoiledSave')}>
            <SelectField name="spoiledType" label={labels.spoiledType!} state={forms.spoiled} options={types} />
            <Field name="spoiledReason" label={labels.spoiledReason!} state={forms.spoiled} required />
          </Form>
          <h2>{t('passports.books.countedTitle')}</h2>
          <Form ctx={ctx} action={`${base}/counted`} submit={t('passports.books.countedSave')}>
            <SelectField name="countedType" label={labels.countedType!} state={forms.counted} options={types} />
            <Field
              name="countedQuantity"
              label={labels.countedQuantity!}
              state={forms.counted}
              type="number"
              inputmode="numeric"
              required
            />
            <Field name="countedNote" label={labels.countedNote!} state={forms.counted} />
          </Form>
        </>
      )}
      <h2>{t('passports.books.movementsTitle')}</h2>
      {ledger.movements.length === 0 ? (
        <p>{t('passports.books.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('passports.books.at')}</th>
              <th scope="col">{t('passports.books.type')}</th>
              <th scope="col">{t('passports.books.kind')}</th>
              <th scope="col">{t('passports.books.change')}</th>
              <th scope="col">{t('passports.books.passport')}</th>
              <th scope="col">{t('passports.books.note')}</th>
              <th scope="col">{t('passports.books.by')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.movements.map((m, i) => (
              <tr key={i}>
                <td>{formatDateTime(lang, m.at)}</td>
                <td>{typeLabel(m.type)}</td>
                <td>{t(`passports.movementKinds.${m.kind}`)}</td>
                <td>
                  {m.kind === 'counted'
                    ? t('passports.books.countedAs', { quantity: m.quantity })
                    : m.quantity > 0
                      ? `+${m.quantity}`
                      : String(m.quantity)}
                </td>
                <td>{m.passportNumber ?? '—'}</td>
                <td>{m.note ?? ''}</td>
                <td>{m.by ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
