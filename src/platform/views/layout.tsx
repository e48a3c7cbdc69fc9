import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.ts';
import { PageHead } from './page-head.tsx';
import { LanguageLink } from './language-link.tsx';

type LayoutProps = {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** htmx is loaded only on pages that use it, so public pages stay small. */
  htmx?: boolean;
  hasErrors?: boolean;
};

export function Layout({ ctx, title, children, htmx, hasErrors }: LayoutProps) {
  const { t, lang, actor } = ctx;
  return (
    <html lang={lang}>
      <PageHead ctx={ctx} title={`${hasErrors ? t('common.errorPrefix') + ' ' : ''}${title}`} htmx={htmx} />
      <body>
        <a class="skip" href="#main">
          {t('common.skipToContent')}
        </a>
        <header class="site">
          <div class="wrap bar">
            <a class="brand" href="/">
              Sikoe <span>{t('common.tagline')}</span>
            </a>
            <nav aria-label={t('nav.label')}>
              <ul>
                {actor?.kind === 'citizen' && (
                  <li>
                    <a href="/applications">{t('nav.applications')}</a>
                  </li>
                )}
                {actor?.kind === 'officer' && (
                  <li>
                    <a href="/officer">{t('nav.officer')}</a>
                  </li>
                )}
                {actor ? (
                  <>
                    <li>
                      <a href="/account">{t('nav.account')}</a>
                    </li>
                    <li>
                      <form method="post" action="/logout" class="inline">
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <button type="submit" class="link">
                          {t('nav.logout')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href="/login">{t('nav.login')}</a>
                    </li>
                    <li>
                      <a href="/signup">{t('nav.signup')}</a>
                    </li>
                  </>
                )}
                <li>
                  <LanguageLink ctx={ctx} />
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site">
          <div class="wrap">
            <p>{t('footer.owner')}</p>
            <p>
              <a href="/track">{t('footer.track')}</a> · <a href="/pengaduan">{t('services.complaints.name')}</a> ·{' '}
              <a href="/transparansi">{t('transparency.title')}</a> ·{' '}
              <a href="/statistik/paspor">{t('statistics.link')}</a> · <a href="/data">{t('openData.link')}</a> ·{' '}
              <a href="/docs">{t('footer.api')}</a> · {t('footer.regions')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
