import type { PageContext } from '../../platform/views/context.ts';

/** A form that posts to the page's own routes with the CSRF token, plain or with a file. */
export function PostForm({ ctx, action, submit, children, upload }: { ctx: PageContext; action: string; submit: string; children?: preact.ComponentChildren; upload?: boolean }) {
  return (
    <form method="post" action={action} novalidate enctype={upload ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}

export const options = (ctx: PageContext, group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: ctx.t(`complaints.${group}.${v}`) }));
