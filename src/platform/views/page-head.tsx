import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.ts';

/**
 * The head every page shares, the full layout and the bare ones (printouts, the call display, slips): charset,
 * viewport, title, style sheet and icon, and htmx where a page uses it. htmx is told not to add its indicator
 * styles: it would insert a <style> element, which the content security policy (style-src 'self') refuses.
 */
export function PageHead({
  ctx,
  title,
  htmx,
  children,
}: {
  ctx: Pick<PageContext, 'assets'>;
  title: string;
  htmx?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {children}
      <title>{`${title} · Sikoe`}</title>
      <link rel="stylesheet" href={ctx.assets.css} />
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      {htmx && (
        <>
          <meta name="htmx-config" content='{"includeIndicatorStyles":false}' />
          <script src={ctx.assets.htmx} defer />
        </>
      )}
    </head>
  );
}
