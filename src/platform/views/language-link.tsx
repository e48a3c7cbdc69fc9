import type { PageContext } from './context.ts';

/** The link to this page in the other language (the layout's, and the pages that stand without it). */
export function LanguageLink({ ctx }: { ctx: Pick<PageContext, 't' | 'lang' | 'path'> }) {
  const other = ctx.lang === 'id' ? 'en' : 'id';
  return (
    <a href={`/lang/${other}?next=${encodeURIComponent(ctx.path)}`} lang={other} hreflang={other}>
      {ctx.t(`lang.${other}`)}
    </a>
  );
}
