import type { PageContext } from '../../platform/views/context.ts';
import type { FormState } from '../../platform/views/form.tsx';

export function TextArea({ name, label, state, hint, rows = 4 }: { name: string; label: string; state: FormState; hint?: string; rows?: number }) {
  const value = state.values?.[name];
  const error = state.errors?.[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${name}`}>{label}</label>
      {hint && <p class="hint">{hint}</p>}
      {error && (
        <p class="error" id={`f-${name}-error`}>
          {error}
        </p>
      )}
      <textarea id={`f-${name}`} name={name} rows={rows} aria-invalid={error ? 'true' : undefined}>
        {typeof value === 'string' ? value : ''}
      </textarea>
    </div>
  );
}

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
