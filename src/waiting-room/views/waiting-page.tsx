import { formatNumber, formatTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { PageHead } from '../../platform/views/page-head.tsx';
import { LanguageLink } from '../../platform/views/language-link.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import type { Turn } from '../admit-or-wait.ts';

type Props = {
  ctx: PageContext;
  unit: { code: string; name: string };
  turn: Turn | null;
  next: string;
  action: string;
};

/**
 * How often the waiting page reloads itself: at the expected turn when it is within 30 s (so nobody is let in
 * later than a second after their turn, and order holds), else every 30 s, which keeps the polls few.
 */
export const refreshSeconds = (waitSeconds: number) => Math.min(30, Math.max(1, waitSeconds));

/**
 * The waiting room's page: small, no JavaScript, no site header. It says where the reader stands and reloads
 * itself (meta refresh) until the turn comes; then the route sends the reader on to `next`.
 */
export function WaitingPage({ ctx, unit, turn, next, action }: Props) {
  const { t, lang } = ctx;
  const title = t('waitingRoom.title', { unit: unit.name });
  const standing = turn?.standing;
  const waiting = standing && !standing.admitted;
  const wait = standing?.waitSeconds ?? 0;
  return (
    <html lang={lang}>
      <PageHead ctx={ctx} title={title}>
        {waiting && <meta http-equiv="refresh" content={String(refreshSeconds(wait))} />}
      </PageHead>
      <body>
        <main id="main" class="wrap">
          <h1>{title}</h1>
          <p>{t('waitingRoom.lead')}</p>
          {!standing && (
            <PostForm ctx={ctx} action={action} submit={t('waitingRoom.join')}>
              <input type="hidden" name="next" value={next} />
              <p class="hint">{t('waitingRoom.joinHint')}</p>
            </PostForm>
          )}
          {waiting && (
            <div aria-live="polite">
              <p class="big">{t('waitingRoom.place', { place: formatNumber(lang, standing.place) })}</p>
              <p>{t('waitingRoom.ahead', { n: formatNumber(lang, standing.ahead) })}</p>
              <p>
                {t('waitingRoom.wait', {
                  time:
                    wait < 120
                      ? t('waitingRoom.seconds', { n: wait })
                      : t('waitingRoom.minutes', { n: Math.ceil(wait / 60) }),
                  at: formatTime(lang, standing.admitAt),
                })}
              </p>
              <p class="hint">{t('waitingRoom.refresh', { n: refreshSeconds(wait) })}</p>
              <p>
                <a href={ctx.path}>{t('waitingRoom.refreshNow')}</a>
              </p>
            </div>
          )}
          {standing?.admitted && (
            <>
              <p class="big">{t('waitingRoom.turn')}</p>
              <p>{t('waitingRoom.turnHint', { until: formatTime(lang, standing.expiresAt) })}</p>
              <p>
                <a href={next}>
                  {next === '/applications' ? t('waitingRoom.applications') : t('waitingRoom.continue')}
                </a>
              </p>
            </>
          )}
          <p>
            <LanguageLink ctx={ctx} />
          </p>
        </main>
      </body>
    </html>
  );
}
