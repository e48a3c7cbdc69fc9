import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { CurrentTicket, WaitingTicket } from '../desk-views.ts';

type Props = { ctx: PageContext; unit: Unit; counter?: string; current: CurrentTicket | null; waiting: WaitingTicket[]; state: FormState };

function Current({ ctx, unit, counter, current }: { ctx: PageContext; unit: Unit; counter: string; current: CurrentTicket | null }) {
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
      <p class="hint">{t('queue.counter.calls', { n: current.calls, at: formatDateTime(lang, current.calledAt) })}</p>
      <p>
        <a href={`/officer/cases/${current.applicationId}`}>{t('queue.counter.openCase', { code: current.trackingCode })}</a>
      </p>
      <Form ctx={ctx} action={`${action}/recall`} submit={t('queue.counter.recall')}>
        <input type="hidden" name="counter" value={counter} />
        <input type="hidden" name="ticketId" value={current.id} />
      </Form>
      {!current.noShow && (
        <Form ctx={ctx} action={`${action}/no-show`} submit={t('queue.counter.noShow')}>
          <input type="hidden" name="counter" value={counter} />
          <input type="hidden" name="ticketId" value={current.id} />
        </Form>
      )}
    </section>
  );
}

/** A counter: its name (kept in the address), the call button, the ticket it serves and who waits. */
export function CounterPage({ ctx, unit, counter, current, waiting, state }: Props) {
  const { t, lang } = ctx;
  const title = t('queue.counter.title', { unit: unit.name });
  const action = `/officer/units/${unit.code}/counter`;
  return (
    <Layout ctx={ctx} title={title} hasErrors={!!state.errors}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ counter: t('queue.counter.counterName') }} />
      <form method="get" action={action}>
        <Field name="counter" label={t('queue.counter.counterName')} hint={t('queue.counter.counterHint')} state={{ values: { counter: counter ?? '' }, errors: state.errors }} required />
        <button type="submit" class="secondary">
          {t('queue.counter.use')}
        </button>
      </form>
      {counter ? (
        <>
          <Form ctx={ctx} action={`${action}/call`} submit={t('queue.counter.callNext')}>
            <input type="hidden" name="counter" value={counter} />
          </Form>
          <Current ctx={ctx} unit={unit} counter={counter} current={current} />
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
