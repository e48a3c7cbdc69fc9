import type { ComponentChildren } from 'preact';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import { witaInstant, type IsoDate } from '../../platform/calendar/wita.ts';
import { formatDate, formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import type { DayListEntry } from '../day-list.ts';
import { PageHead } from '../../platform/views/page-head.tsx';

type Props = { ctx: PageContext; unit: Unit; date: IsoDate; entries: DayListEntry[]; print: boolean };

/** The bare page for paper: no site menu or forms, the unit, the date and when it was printed. */
function PrintLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <html lang={ctx.lang}>
      <PageHead ctx={ctx} title={title} />
      <body>
        <main id="main" class="wrap">
          {children}
        </main>
      </body>
    </html>
  );
}

function DayTable({ ctx, entries }: { ctx: PageContext; entries: DayListEntry[] }) {
  const { t } = ctx;
  if (entries.length === 0) return <p>{t('counterDesk.dayList.none')}</p>;
  return (
    <ScrollRegion label={t('counterDesk.dayList.count', { n: entries.length })}>
      <table>
        <caption>{t('counterDesk.dayList.count', { n: entries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('counterDesk.dayList.number')}</th>
            <th scope="col">{t('counterDesk.dayList.trackingCode')}</th>
            <th scope="col">{t('counterDesk.dayList.name')}</th>
            <th scope="col">{t('counterDesk.dayList.passportType')}</th>
            <th scope="col">{t('counterDesk.dayList.speed')}</th>
            <th scope="col">{t('counterDesk.dayList.payment')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={e.trackingCode}>
              <td>{i + 1}</td>
              <td>
                <code>{e.trackingCode}</code>
              </td>
              <td>{e.fullName ?? '—'}</td>
              <td>{e.passportType ? t(`counterDesk.passportTypes.${e.passportType}`) : '—'}</td>
              <td>{e.speed ? t(`counterDesk.speeds.${e.speed}`) : '—'}</td>
              <td>{e.paid ? t('counterDesk.dayList.paid') : t('counterDesk.dayList.unpaid')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function DayListPage({ ctx, unit, date, entries, print }: Props) {
  const { t, lang } = ctx;
  const when = formatDate(lang, witaInstant(date));
  const title = t('counterDesk.dayList.title', { date: when, unit: unit.name });
  const base = `/officer/units/${unit.code}/appointments`;
  if (print) {
    return (
      <PrintLayout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <DayTable ctx={ctx} entries={entries} />
        <p class="hint">{t('counterDesk.dayList.printedAt', { at: formatDateTime(lang, new Date()) })}</p>
      </PrintLayout>
    );
  }
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="notice">{t('counterDesk.dayList.audited')}</p>
      <form method="get" action={base}>
        <div class="field">
          <label for="f-date">{t('counterDesk.dayList.date')}</label>
          <input id="f-date" name="date" type="date" value={date} required />
        </div>
        <button type="submit" class="secondary">
          {t('counterDesk.dayList.show')}
        </button>
      </form>
      <DayTable ctx={ctx} entries={entries} />
      <p>
        <a href={`${base}?date=${date}&print=1`}>{t('counterDesk.dayList.print')}</a>
      </p>
    </Layout>
  );
}
