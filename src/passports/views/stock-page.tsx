import { formatDateTime } from '../../platform/i18n/index.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import { bookTypes, type StockChange } from '../book-stock.ts';

type Props = { ctx: PageContext; unit: Unit; history: StockChange[]; state: FormState };

export function StockPage({ ctx, unit, history, state }: Props) {
  const { t, lang } = ctx;
  const labels = Object.fromEntries(bookTypes.map((b) => [b, t(`counterDesk.passportTypes.${b}`)]));
  const title = t('counterDesk.stock.title', { unit: unit.name });
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      {ctx.path.includes('saved=1') && (
        <p class="notice" role="status">
          {t('counterDesk.saved')}
        </p>
      )}
      <p>{t('counterDesk.stock.lead')}</p>
      <p>
        <a href={`/officer/units/${unit.code}/books`}>{t('passports.books.ledgerLink')}</a>
      </p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/officer/units/${unit.code}/stock`} submit={t('counterDesk.stock.save')}>
        {bookTypes.map((b) => (
          <Field key={b} name={b} label={labels[b]!} state={state} type="number" inputmode="numeric" required />
        ))}
      </Form>
      <h2>{t('counterDesk.stock.historyTitle')}</h2>
      {history.length === 0 ? (
        <p>{t('counterDesk.stock.none')}</p>
      ) : (
        <ScrollRegion label={t('counterDesk.stock.historyTitle')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('counterDesk.stock.at')}</th>
                <th scope="col">{t('counterDesk.stock.type')}</th>
                <th scope="col">{t('counterDesk.stock.change')}</th>
                <th scope="col">{t('counterDesk.stock.by')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td>{formatDateTime(lang, h.at)}</td>
                  <td>{labels[h.passportType] ?? h.passportType}</td>
                  <td>{`${h.from} → ${h.to}`}</td>
                  <td>{h.by ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
