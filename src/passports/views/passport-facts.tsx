import { formatCalendarDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';

export type PassportFactsProps = {
  ctx: PageContext;
  passport: { number: string; issueDate: string; expiryDate: string; mrz: [string, string] };
};

/**
 * A printed passport as the officer checks it against the book: its number, dates and the two MRZ lines exactly as
 * printed (monospaced, one line each, so a misprint shows character by character).
 */
export function PassportFacts({ ctx, passport }: PassportFactsProps) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="passport-title">
      <h2 id="passport-title">{t('passports.printed.title')}</h2>
      <dl class="facts">
        <dt>{t('passports.printed.number')}</dt>
        <dd>
          <strong>{passport.number}</strong>
        </dd>
        <dt>{t('passports.printed.issueDate')}</dt>
        <dd>{formatCalendarDate(lang, passport.issueDate)}</dd>
        <dt>{t('passports.printed.expiryDate')}</dt>
        <dd>{formatCalendarDate(lang, passport.expiryDate)}</dd>
        <dt>{t('passports.printed.mrz')}</dt>
        <dd>
          <pre class="mrz" aria-label={t('passports.printed.mrzLabel')}>
            <code>{passport.mrz.join('\n')}</code>
          </pre>
        </dd>
      </dl>
    </section>
  );
}
