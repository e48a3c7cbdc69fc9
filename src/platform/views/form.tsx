import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.ts';

export type FormState = {
  values?: Record<string, unknown>;
  /** field → translated message */
  errors?: Record<string, string>;
};

/** The GOV.UK-style summary: linked to each field, announced and focused first when the page loads. */
export function ErrorSummary({
  ctx,
  errors,
  labels,
  idPrefix = 'f-',
}: {
  ctx: PageContext;
  errors?: Record<string, string>;
  labels: Record<string, string>;
  /** The fields' id prefix, when a page has several forms with the same field names (as on the fields). */
  idPrefix?: string;
}) {
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{ctx.t('common.errorSummary')}</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {labels[field] ? <a href={`#${idPrefix}${field}`}>{`${labels[field]}: ${message}`}</a> : message}
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'number';
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'email' | 'text' | 'tel';
  /** Focus this field when the page loads (an error summary above it still comes first). */
  autofocus?: boolean;
  /** The id prefix ('f-'), another when a page has several forms with the same field names. */
  idPrefix?: string;
};

const describedByOf = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** What every field shares: its label, the hint and the error (ids the control points at with aria-describedby). */
function FieldFrame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function Field({
  name,
  label,
  state,
  type = 'text',
  hint,
  autocomplete,
  required,
  inputmode,
  autofocus,
  idPrefix = 'f-',
}: FieldProps) {
  const id = `${idPrefix}${name}`;
  const error = state.errors?.[name];
  const value = type === 'password' ? undefined : state.values?.[name];
  const describedBy = describedByOf(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        // preact types each input type separately; the union is valid HTML (the rule misreads the union)
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={type as 'text'}
        value={typeof value === 'string' ? value : undefined}
        autocomplete={autocomplete}
        required={required}
        inputMode={inputmode}
        autofocus={autofocus}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}

/** A multi-line field, labelled and described like Field. */
export function TextArea({
  name,
  label,
  state,
  hint,
  rows = 3,
  autofocus,
  idPrefix = 'f-',
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  rows?: number;
  /** A desk's scan field: a scanner that types lands in it without a click. */
  autofocus?: boolean;
  /** As on Field. */
  idPrefix?: string;
}) {
  const id = `${idPrefix}${name}`;
  const error = state.errors?.[name];
  const value = state.values?.[name];
  const describedBy = describedByOf(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        autofocus={autofocus}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {typeof value === 'string' ? value : ''}
      </textarea>
    </FieldFrame>
  );
}

export function Form({
  ctx,
  action,
  children,
  submit,
}: {
  ctx: PageContext;
  action: string;
  children: ComponentChildren;
  submit: string;
}) {
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      {children}
      <button type="submit">{submit}</button>
    </form>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  state: FormState;
  options: { value: string; label: string }[];
  hint?: string;
};

export function SelectField({ name, label, state, options, hint }: SelectFieldProps) {
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const value = state.values?.[name];
  const describedBy = describedByOf(id, hint, error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select id={id} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy}>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
