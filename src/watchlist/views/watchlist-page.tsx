import { witaInstant } from '../../platform/calendar/wita.ts';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { WatchlistEntry } from '../schema.ts';

type Props = {
  ctx: PageContext;
  entries: WatchlistEntry[];
  showLifted: boolean;
  addState: FormState;
  liftState: FormState & { id?: string };
};

const day = (ctx: PageContext, date: string | null) => (date ? formatDate(ctx.lang, witaInstant(date)) : '—');

function LiftForm({ ctx, entry, state }: { ctx: PageContext; entry: WatchlistEntry; state: FormState }) {
  const { t } = ctx;
  const name = `reason`;
  const error = state.errors?.[name];
  return (
    <form method="post" action={`/officer/watchlist/${entry.id}/lift`} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <div class={error ? 'field has-error' : 'field'}>
        <label for={`lift-${entry.id}`}>{t('watchlist.liftReason')}</label>
        {error && <p class="error">{error}</p>}
        <input
          id={`lift-${entry.id}`}
          name={name}
          type="text"
          value={typeof state.values?.reason === 'string' ? state.values.reason : undefined}
        />
      </div>
      <button type="submit" class="secondary">
        {t('watchlist.lift')}
      </button>
    </form>
  );
}

/** The list with each entry's grounds, a lift form per active entry, and the form to add one. */
export function WatchlistPage({ ctx, entries, showLifted, addState, liftState }: Props) {
  const { t } = ctx;
  const labels = Object.fromEntries(
    ['nik', 'fullName', 'birthDate', 'reason', 'reference', 'validUntil'].map((f) => [f, t(`watchlist.fields.${f}`)]),
  );
  return (
    <Layout ctx={ctx} title={t('watchlist.title')} hasErrors={!!(addState.errors || liftState.errors)}>
      <h1>{t('watchlist.title')}</h1>
      <p class="lead">{t('watchlist.lead')}</p>
      <p class="notice">{t('watchlist.audited')}</p>
      <ErrorSummary ctx={ctx} errors={liftState.errors} labels={{}} />
      <p>
        <a href={showLifted ? '/officer/watchlist' : '/officer/watchlist?lifted=1'}>
          {showLifted ? t('watchlist.hideLifted') : t('watchlist.showLifted')}
        </a>
      </p>
      {entries.length === 0 ? (
        <p>{t('watchlist.none')}</p>
      ) : (
        <ScrollRegion label={t('watchlist.count', { n: entries.length })}>
          <table>
            <caption>{t('watchlist.count', { n: entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('watchlist.fields.fullName')}</th>
                <th scope="col">{t('watchlist.fields.nik')}</th>
                <th scope="col">{t('watchlist.fields.birthDate')}</th>
                <th scope="col">{t('watchlist.fields.reason')}</th>
                <th scope="col">{t('watchlist.fields.reference')}</th>
                <th scope="col">{t('watchlist.fields.validUntil')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.fullName}</td>
                  <td>{e.nik ?? '—'}</td>
                  <td>{day(ctx, e.birthDate)}</td>
                  <td>{e.reason}</td>
                  <td>{e.reference}</td>
                  <td>{e.validUntil ? day(ctx, e.validUntil) : t('watchlist.indefinite')}</td>
                  <td>
                    {e.liftedAt ? (
                      t('watchlist.lifted', { reason: e.liftReason ?? '' })
                    ) : (
                      <LiftForm ctx={ctx} entry={e} state={liftState.id === e.id ? liftState : {}} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2>{t('watchlist.addTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={addState.errors} labels={labels} />
      <Form ctx={ctx} action="/officer/watchlist" submit={t('watchlist.add')}>
        <Field name="fullName" label={labels.fullName!} state={addState} />
        <Field name="nik" label={labels.nik!} hint={t('watchlist.nikHint')} state={addState} inputmode="numeric" />
        <Field name="birthDate" label={labels.birthDate!} hint={t('watchlist.dateHint')} state={addState} type="date" />
        <Field name="reason" label={labels.reason!} state={addState} />
        <Field name="reference" label={labels.reference!} hint={t('watchlist.referenceHint')} state={addState} />
        <Field
          name="validUntil"
          label={labels.validUntil!}
          hint={t('watchlist.validUntilHint')}
          state={addState}
          type="date"
        />
      </Form>
    </Layout>
  );
}
