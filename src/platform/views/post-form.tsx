import type { PageContext } from './context.ts';

/** A form that posts to the page's own routes with the CSRF token, plain or with a file. */
export function PostForm({
  ctx,
  action,
  submit,
  children,
  upload,
}: {
  ctx: PageContext;
  action: string;
  submit: string;
  children?: preact.ComponentChildren;
  upload?: boolean;
}) {
  return (
    <form method="post" action={action} novalidate enctype={upload ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}
