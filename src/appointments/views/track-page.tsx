import { hasKey, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

export type TrackResult = {
  trackingCode: string;
  status: string;
  unitName: string | null;
  appointmentDate: string | null;
};

/** The public lookup: a form, and either the status found or one message for "no such code or birth date". */
export function TrackPage({
  ctx,
  state,
  result,
  notFound,
}: {
  ctx: PageContext;
  state: FormState;
  result?: TrackResult;
  notFound?: boolean;
}) {
  const { t, lang } = ctx;
  const labels = { code: t('booking.fields.code'), birthDate: t('booking.fields.birthDate') };
  return (
    <Layout ctx={ctx} title={t('booking.track.title')} hasErrors={!!state.errors}>
      <h1>{t('booking.track.title')}</h1>
      <p>{t('booking.track.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      {notFound && (
        <p class="notice" role="status">
          {t('booking.track.notFound')}
        </p>
      )}
      {result && (
        <section aria-labelledby="track-result" role="status">
          <h2 id="track-result">{t('booking.track.resultTitle', { code: result.trackingCode })}</h2>
          <dl class="facts">
            <dt>{t('booking.track.status')}</dt>
            <dd>
              {hasKey(`booking.statuses.${result.status}`) ? t(`booking.statuses.${result.status}`) : result.status}
            </dd>
            <dt>{t('booking.track.unit')}</dt>
            <dd>{result.unitName ?? '—'}</dd>
            <dt>{t('booking.track.appointmentDate')}</dt>
            <dd>
              {result.appointmentDate ? formatDay(lang, result.appointmentDate) : t('booking.track.noAppointment')}
            </dd>
          </dl>
        </section>
      )}
      <Form ctx={ctx} action="/track" submit={t('booking.track.submit')}>
        <Field
          name="code"
          label={labels.code}
          hint={t('booking.track.codeHint')}
          state={state}
          autocomplete="off"
          required
        />
        <Field
          name="birthDate"
          label={labels.birthDate}
          hint={t('booking.track.birthDateHint')}
          state={state}
          type="date"
          autocomplete="bday"
          required
        />
      </Form>
    </Layout>
  );
}
