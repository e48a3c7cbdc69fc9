import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, SelectField, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { CurrentTicket, WaitingTicket } from '../desk-views.ts';

type Props = {
  ctx: PageContext;
  unit: Unit;
  counter?: string;
  current: CurrentTicket | null;
  waiting: WaitingTicket[];
  state: FormState;
};

/**
 * Marking a no-show takes the ticket off the queue and the display, so it is set apart from the call buttons, looks
 * secondary, and needs its "yes" ticked: without JavaScript the checkbox is the confirmation, and the server refuses
 * a no-show sent without it.
 */
function NoShowForm({
  ctx,
  action,
  counter,
  current,
  state,
}: {
  ctx: PageContext;
  action: string;
  counter: string;
  current: CurrentTicket;
  state: FormState;
}) {
  const { t } = ctx;
  const error = state.errors?.confirm;
  const describedBy = ['f-confirm-hint', error && 'f-confirm-error'].filter(Boolean).join(' ');
  return (
    <form method="post" action={`${action}/no-show`} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <input type="hidden" name="counter" value={counter} />
      <input type="hidden" name="ticketId" value={current.id} />
      <fieldset class={error ? 'has-error' : undefined}>
        <legend>{t('queue.counter.noShowTitle')}</legend>
        <p class="hint" id="f-confirm-hint">
          {t('queue.counter.noShowHint')}
        </p>
        {error && (
          <p class="error" id="f-confirm-error">
            {error}
          </p>
        )}
        <label class="check" for="f-confirm">
          <input type="checkbox" id="f-confirm" name="confirm" value="yes" aria-describedby={describedBy} />{' '}
          {t('queue.counter.noShowConfirm', { ticket: current.ticket })}
        </label>
        <button type="submit" class="secondary">
          {t('queue.counter.noShow')}
        </button>
      </fieldset>
    </form>
  );
}

function Current({
  ctx,
  unit,
  counter,
  current,
  state,
}: {
  ctx: PageContext;
  unit: Unit;
  counter: string;
  current: CurrentTicket | null;
  state: FormState;
}) {
  const { t, lang } = ctx;
  const action = `/officer/units/${unit.code}/counter`;
  if (!current) return <p>{t('queue.counter.currentNone')}</p>;
  return (
    <section aria-labelledby="current-title">
      <h2 id="current-title">{t('queue.counter.current', { counter })}</h2>
      <p class="queue-ticket">
        {current.ticket}
        {current.noShow && <span class="tag">{t('queue.counter.noShowMark')}</span>}
      </p>
      <p class="lead">{t('queue.counter.applicant', { name: current.fullName ?? '—' })}</p>
      <p class="hint">{t('queue.counter.calls', { n: current.calls, at: formatDateTime(lang, current.calledAt) })}</p>
      <p>
        <a href={`/officer/cases/${current.applicationId}`}>
          {t('queue.counter.openCase', { code: current.trackingCode })}
        </a>
      </p>
      <Form ctx={ctx} action={`${action}/recall`} submit={t('queue.counter.recall')}>
        <input type="hidden" name="counter" value={counter} />
        <input type="hidden" name="ticketId" value={current.id} />
      </Form>
      {!current.noShow && <NoShowForm ctx={ctx} action={action} counter={counter} current={current} state={state} />}
    </section>
  );
}

/** A counter: picked from the unit's counters (kept in the address), the call button, the ticket it serves and who waits. */
export function CounterPage({ ctx, unit, counter, current, waiting, state }: Props) {
  const { t, lang } = ctx;
  const title = t('queue.counter.title', { unit: unit.name });
  const action = `/officer/units/${unit.code}/counter`;
  const options = [
    { value: '', label: t('queue.counter.choose') },
    ...unit.counters.map((name) => ({ value: name, label: name })),
  ];
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ counter: t('queue.counter.counterName'), confirm: t('queue.counter.noShowTitle') }}
      />
      {unit.counters.length === 0 ? (
        <p>{t('queue.counter.noCounters')}</p>
      ) : (
        <form method="get" action={action}>
          <SelectField
            name="counter"
            label={t('queue.counter.counterName')}
            hint={t('queue.counter.counterHint')}
            state={{ values: { counter: counter ?? '' }, errors: state.errors }}
            options={options}
          />
          <button type="submit" class="secondary">
            {t('queue.counter.use')}
          </button>
        </form>
      )}
      {counter ? (
        <>
          <Form ctx={ctx} action={`${action}/call`} submit={t('queue.counter.callNext')}>
            <input type="hidden" name="counter" value={counter} />
          </Form>
          <Current ctx={ctx} unit={unit} counter={counter} current={current} state={state} />
        </>
      ) : (
        <p>{t('queue.counter.chooseFirst')}</p>
      )}
      <h2>{t('queue.counter.waitingTitle', { n: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p>{t('queue.counter.waitingNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('queue.counter.ticket')}</th>
              <th scope="col">{t('queue.counter.issuedAt')}</th>
              <th scope="col">{t('queue.counter.priority')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((w) => (
              <tr key={w.id}>
                <td>{w.ticket}</td>
                <td>{formatDateTime(lang, w.issuedAt)}</td>
                <td>{w.priorityReason ? t(`queue.reasons.${w.priorityReason}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/units/${unit.code}/antrian`}>{t('queue.counter.display')}</a>
      </p>
    </Layout>
  );
}
