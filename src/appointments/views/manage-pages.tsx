import type { Application } from '../../applications/schema.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { BookingAssets } from '../booking-asset-routes.ts';
import type { CalendarDay } from '../booking-calendar.ts';
import type { Appointment } from '../schema.ts';
import { formatDay } from '../../platform/i18n/index.ts';
import { ApplicationSummary } from './application-summary.tsx';
import { DayList } from './day-list.tsx';

type Common = { ctx: PageContext; application: Application; appointment: Appointment; unitName: string };

export function ReschedulePage({
  ctx,
  application,
  appointment,
  unitName,
  days,
  state,
  assets,
}: Common & { days: CalendarDay[]; state: FormState; assets: BookingAssets }) {
  const { t, lang } = ctx;
  const others = days.filter((d) => d.date !== appointment.date);
  return (
    <Layout ctx={ctx} title={t('booking.reschedule.title')} hasErrors={!!state.errors}>
      <link rel="stylesheet" href={assets.css} />
      <h1>{t('booking.reschedule.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{ date: t('booking.fields.date') }} />
      <ApplicationSummary ctx={ctx} application={application} unitName={unitName} />
      <p>
        <strong>{t('booking.reschedule.current', { date: formatDay(lang, appointment.date) })}</strong>
      </p>
      <p>{t('booking.reschedule.lead')}</p>
      <form method="post" action={`/applications/${application.id}/appointment/reschedule`} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <DayList ctx={ctx} days={others} state={state} />
        <button type="submit">{t('booking.reschedule.submit')}</button>
      </form>
      <p>
        <a href={`/applications/${application.id}/appointment`}>{t('booking.cancel.keep')}</a>
      </p>
    </Layout>
  );
}

export function CancelPage({ ctx, application, appointment, unitName, state }: Common & { state: FormState }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('booking.cancel.title')} hasErrors={!!state.errors}>
      <h1>{t('booking.cancel.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={{}} />
      <ApplicationSummary ctx={ctx} application={application} unitName={unitName} />
      {appointment.state === 'attended' ? (
        <p>{t('booking.cancel.attended', { date: formatDay(lang, appointment.date) })}</p>
      ) : appointment.state === 'paid' ? (
        <p>{t('booking.cancel.paid')}</p>
      ) : (
        <>
          <p>{t('booking.cancel.lead', { date: formatDay(lang, appointment.date) })}</p>
          <form method="post" action={`/applications/${application.id}/appointment/cancel`}>
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit">{t('booking.cancel.submit')}</button>
          </form>
        </>
      )}
      <p>
        <a href={`/applications/${application.id}/appointment`}>{t('booking.cancel.keep')}</a>
      </p>
    </Layout>
  );
}
