import { openingHoursOn } from '../../appointments/opening-hours.ts';
import { witaDate } from '../../platform/calendar/wita.ts';
import { formatDateTime, formatRupiah } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, SelectField, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { IssuedTicket } from '../desk-views.ts';
import { priorityReasons } from '../schema.ts';
import { PageHead } from '../../platform/views/page-head.tsx';

export type ReceptionForms = { qr?: FormState; code?: FormState; walkIn?: FormState };

function Issued({ ctx, unit, issued }: { ctx: PageContext; unit: Unit; issued: IssuedTicket }) {
  const { t } = ctx;
  return (
    <section class="notice" role="status" aria-labelledby="issued-title">
      <h2 id="issued-title" class="queue-ticket">
        {t('queue.reception.issuedTitle', { ticket: issued.ticket })}
      </h2>
      <p>{t('queue.reception.compare')}</p>
      <dl class="facts">
        <dt>{t('queue.reception.name')}</dt>
        <dd>{issued.fullName ?? '—'}</dd>
        <dt>{t('queue.reception.nik')}</dt>
        <dd>
          <code>{issued.nik ?? '—'}</code>
        </dd>
        <dt>{t('queue.reception.trackingCode')}</dt>
        <dd>
          <code>{issued.trackingCode}</code>
        </dd>
      </dl>
      {issued.priorityReason && (
        <p>{t('queue.reception.reasonShown', { reason: t(`queue.reasons.${issued.priorityReason}`) })}</p>
      )}
      {issued.billingCode && (
        <p>
          {t('queue.reception.billing', {
            code: issued.billingCode,
            amount: formatRupiah(ctx.lang, issued.billingAmount ?? 0),
          })}
        </p>
      )}
      <p>
        <a href={`/officer/units/${unit.code}/reception?ticket=${issued.id}&print=1`}>{t('queue.reception.print')}</a>
      </p>
    </section>
  );
}

/** Outside opening hours a walk-in is registered only on purpose: the tick and the reason, kept in the history. */
function OutsideHours({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const error = state.errors?.outsideHours;
  const describedBy = ['f-outsideHours-hint', error && 'f-outsideHours-error'].filter(Boolean).join(' ');
  return (
    <fieldset class={error ? 'has-error' : undefined}>
      <legend>{t('queue.reception.outsideHoursTitle')}</legend>
      <p class="hint" id="f-outsideHours-hint">
        {t('queue.reception.outsideHoursHint')}
      </p>
      {error && (
        <p class="error" id="f-outsideHours-error">
          {error}
        </p>
      )}
      <label class="check" for="f-outsideHours">
        <input
          type="checkbox"
          id="f-outsideHours"
          name="outsideHours"
          value="yes"
          checked={state.values?.outsideHours === 'yes'}
          aria-describedby={describedBy}
        />{' '}
        {t('queue.reception.outsideHours')}
      </label>
      <TextArea name="outsideHoursReason" label={t('queue.reception.outsideHoursReason')} state={state} />
    </fieldset>
  );
}

/** Reception: check-in by QR or tracking code, and priority walk-ins; the ticket just issued is shown on top. */
export function ReceptionPage({
  ctx,
  unit,
  forms,
  issued,
}: {
  ctx: PageContext;
  unit: Unit;
  forms: ReceptionForms;
  issued?: IssuedTicket;
}) {
  const { t } = ctx;
  const title = t('queue.reception.title', { unit: unit.name });
  const action = `/officer/units/${unit.code}/reception`;
  const labels = {
    qr: t('queue.reception.qr'),
    trackingCode: t('queue.reception.trackingCode'),
    birthDate: t('queue.reception.birthDate'),
    priorityTrackingCode: t('queue.reception.trackingCode'),
    priorityBirthDate: t('queue.reception.birthDate'),
    reason: t('queue.reception.reason'),
    outsideHours: t('queue.reception.outsideHours'),
    outsideHoursReason: t('queue.reception.outsideHoursReason'),
  };
  const hours = openingHoursOn(unit, witaDate(), ctx.lang);
  const errors = { ...forms.qr?.errors, ...forms.code?.errors, ...forms.walkIn?.errors };
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      {issued && !hasErrors && <Issued ctx={ctx} unit={unit} issued={issued} />}
      <h2>{t('queue.reception.qrTitle')}</h2>
      <Form ctx={ctx} action={`${action}/check-in`} submit={t('queue.reception.checkIn')}>
        <input type="hidden" name="via" value="qr" />
        {/* The scanner types into this field: it has the focus on every new page, ready for the next slip. */}
        <Field
          name="qr"
          label={labels.qr}
          hint={t('queue.reception.qrHint')}
          state={forms.qr ?? {}}
          autocomplete="off"
          required
          autofocus
        />
      </Form>
      <h2>{t('queue.reception.codeTitle')}</h2>
      <Form ctx={ctx} action={`${action}/check-in`} submit={t('queue.reception.checkIn')}>
        <input type="hidden" name="via" value="code" />
        <Field name="trackingCode" label={labels.trackingCode} state={forms.code ?? {}} autocomplete="off" required />
        <Field
          name="birthDate"
          label={labels.birthDate}
          hint={t('queue.reception.birthDateHint')}
          type="date"
          state={forms.code ?? {}}
          required
        />
      </Form>
      <h2>{t('queue.reception.walkInTitle')}</h2>
      <p>{t('queue.reception.walkInLead')}</p>
      <p>{hours ? t('queue.reception.hoursToday', { hours }) : t('queue.reception.closedToday')}</p>
      <Form ctx={ctx} action={`${action}/walk-in`} submit={t('queue.reception.register')}>
        <Field
          name="priorityTrackingCode"
          label={labels.priorityTrackingCode}
          state={forms.walkIn ?? {}}
          autocomplete="off"
          required
        />
        <Field
          name="priorityBirthDate"
          label={labels.priorityBirthDate}
          hint={t('queue.reception.birthDateHint')}
          type="date"
          state={forms.walkIn ?? {}}
          required
        />
        <SelectField
          name="reason"
          label={labels.reason}
          state={forms.walkIn ?? {}}
          options={priorityReasons.map((r) => ({ value: r, label: t(`queue.reasons.${r}`) }))}
        />
        <OutsideHours ctx={ctx} state={forms.walkIn ?? {}} />
      </Form>
      <p>
        <a href={`/officer/units/${unit.code}/counter`}>{t('queue.home.counter')}</a> ·{' '}
        <a href={`/units/${unit.code}/antrian`}>{t('queue.home.display')}</a>
      </p>
    </Layout>
  );
}

/** The slip handed to the applicant: the number, the office and the time, nothing personal. */
export function TicketSlip({ ctx, unit, issued }: { ctx: PageContext; unit: Unit; issued: IssuedTicket }) {
  const { t, lang } = ctx;
  return (
    <html lang={lang}>
      <PageHead ctx={ctx} title={issued.ticket} />
      <body>
        <main id="main" class="wrap queue-slip">
          <p>{t('queue.reception.slipUnit', { unit: unit.name })}</p>
          <p class="queue-ticket">{issued.ticket}</p>
          <p>{t('queue.reception.slipIssued', { at: formatDateTime(lang, issued.issuedAt) })}</p>
          <p>{t('queue.reception.slipWait')}</p>
        </main>
      </body>
    </html>
  );
}
