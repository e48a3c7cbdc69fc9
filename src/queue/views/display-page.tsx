import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { Unit } from '../../units/schema.ts';
import type { Board } from '../queue-board.ts';
import { ticketSeries } from '../schema.ts';
import { PageHead } from '../../platform/views/page-head.tsx';
import { LanguageLink } from '../../platform/views/language-link.tsx';

/**
 * The call display on the office's screen: the newest calls and how many wait, in large type, ticket numbers only.
 * With JavaScript, htmx swaps in the board every 5 seconds; without it, the page reloads itself every 10.
 */
export function DisplayPage({ ctx, unit, board }: { ctx: PageContext; unit: Unit; board: Board }) {
  const { t, lang } = ctx;
  const title = t('queue.display.title', { unit: unit.name });
  const path = `/units/${unit.code}/antrian`;
  const [newest, ...earlier] = board.called;
  return (
    <html lang={lang}>
      <PageHead ctx={ctx} title={title} htmx>
        <noscript>
          <meta http-equiv="refresh" content="10" />
        </noscript>
      </PageHead>
      <body class="queue-display">
        <main id="main" class="wrap">
          <div id="board" hx-get={path} hx-trigger="every 5s" hx-select="#board" hx-swap="outerHTML">
            <h1>{title}</h1>
            <h2>{t('queue.display.called')}</h2>
            {newest ? (
              <table class="queue-calls" aria-live="polite">
                <thead>
                  <tr>
                    <th scope="col">{t('queue.display.ticket')}</th>
                    <th scope="col">{t('queue.display.counter')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr class="queue-newest">
                    <td>{newest.ticket}</td>
                    <td>{newest.counter}</td>
                  </tr>
                  {earlier.map((c) => (
                    <tr key={c.ticket}>
                      <td>{c.ticket}</td>
                      <td>{c.counter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="queue-big">{t('queue.display.none')}</p>
            )}
            <h2>{t('queue.display.waiting')}</h2>
            <ul class="queue-waiting">
              {ticketSeries.map((s) => (
                <li key={s}>
                  {t('queue.display.waitingSeries', { series: t(`queue.series.${s}`), letter: s, n: board.waiting[s] })}
                </li>
              ))}
            </ul>
            <p class="hint">{t('queue.display.updated', { at: formatDateTime(lang, new Date()) })}</p>
          </div>
          <p>
            <LanguageLink ctx={{ t, lang, path }} />
          </p>
        </main>
      </body>
    </html>
  );
}
