import type { Application } from '../../applications/schema.ts';
import { formatDateTime, formatClock, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ProofField, type ProofForm } from '../../platform/views/proof-field.tsx';
import type { ProofAssets } from '../../platform/proof/assets.ts';
import type { BookingAssets } from '../booking-asset-routes.ts';
import type { CalendarDay } from '../booking-calendar.ts';
import type { waitlistEntries } from '../waitlist.ts';
import { ApplicationSummary } from './application-summary.tsx';
import { DayList } from './day-list.tsx';

type Entry = Awaited<ReturnType<typeof waitlistEntries>>[number];
type Props = {
  ctx: PageContext;
  application: Application;
  unitName: string;
  days: CalendarDay[];
  form: ProofForm;
  /** At quota release: the waiting room's pass, and whether its wait already paid the proof of work. */
  pass?: { pass: string; paid: boolean };
  entries: Entry[];
  state: FormState;
  notice?: string;
  assets: BookingAssets & { proof: ProofAssets };
  settings: { formMinSeconds: number; opensAt: string };
};

function Waitlist({ ctx, application, entries }: Pick<Props, 'ctx' | 'application' | 'entries'>) {
  const { t, lang } = ctx;
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">{t('booking.waitlist.title')}</h2>
      <ul>
        {entries.map((entry) => {
          const date = formatDay(lang, entry.date);
          const base = `/applications/${application.id}/waitlist/${entry.id}`;
          return (
            <li key={entry.id}>
              {entry.state === 'offered' && entry.holdUntil ? (
                <div class="notice" role="status">
                  <p>{t('booking.waitlist.offered', { date, until: formatDateTime(lang, entry.holdUntil) })}</p>
                  <form method="post" action={`${base}/accept`} class="inline">
                    <input type="hidden" name="_csrf" value={ctx.csrf} />
                    <button type="submit">{t('booking.waitlist.accept')}</button>
                  </form>
                </div>
              ) : (
                <p>{t('booking.waitlist.waiting', { date })}</p>
              )}
              <form method="post" action={`${base}/leave`}>
                <input type="hidden" name="_csrf" value={ctx.csrf} />
                <button type="submit" class="secondary">
                  {t('booking.waitlist.leave')}
                  <span class="visually-hidden">{`: ${date}`}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function BookingPage({
  ctx,
  application,
  unitName,
  days,
  form,
  pass,
  entries,
  state,
  notice,
  assets,
  settings,
}: Props) {
  const { t, lang } = ctx;
  const labels = { date: t('booking.fields.date'), proof: t('booking.fields.proof') };
  return (
    <Layout ctx={ctx} title={t('booking.title')} hasErrors={!!state.errors}>
      <link rel="stylesheet" href={assets.css} />
      <link rel="stylesheet" href={assets.proof.css} />
      <h1>{t('booking.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <ApplicationSummary ctx={ctx} application={application} unitName={unitName} />
      <Waitlist ctx={ctx} application={application} entries={entries} />
      <p>{t('booking.lead')}</p>
      {days.some((d) => d.state === 'full') && <p>{t('booking.waitlist.lead')}</p>}
      <form method="post" action={`/applications/${application.id}/book`} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <DayList ctx={ctx} days={days} state={state} waitlistForm="waitlist-join" />
        {!days.some((d) => d.state === 'open') && <p>{t('booking.days.none', { opensAt: settings.opensAt })}</p>}
        {pass && <input type="hidden" name="waitingRoomPass" value={pass.pass} />}
        {!pass?.paid && (
          <ProofField
            ctx={ctx}
            form={form}
            legend={labels.proof}
            lead={t('booking.proof.lead')}
            noScript={(readyAt) =>
              t('booking.proof.noScript', { time: formatClock(lang, readyAt), seconds: settings.formMinSeconds })
            }
            error={state.errors?.proof}
          />
        )}
        <button type="submit">{t('booking.submit')}</button>
      </form>
      <form id="waitlist-join" method="post" action={`/applications/${application.id}/waitlist`}>
        <input type="hidden" name="_csrf" value={ctx.csrf} />
      </form>
      <script type="module" src={assets.proof.script} />
    </Layout>
  );
}
