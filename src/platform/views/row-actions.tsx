import type { PageContext } from './context.ts';

/**
 * What a table row's link or button does and, for screen readers, which row it is for: a list of "Ubah" links
 * says "Ubah Kupang", "Ubah Atambua" when read out, while the eye sees the row beside it.
 */
function Label({ label, row }: { label: string; row: string }) {
  return (
    <>
      {label}
      <span class="visually-hidden"> {row}</span>
    </>
  );
}

export function RowLink({
  href,
  label,
  row,
  download,
}: {
  href: string;
  label: string;
  row: string;
  download?: boolean;
}) {
  return (
    <a href={href} download={download}>
      <Label label={label} row={row} />
    </a>
  );
}

/** A button that posts at once (with the form's CSRF token): for actions a row offers that need no more input. */
export function RowButton({
  ctx,
  action,
  label,
  row,
  variant,
}: {
  ctx: Pick<PageContext, 'csrf'>;
  action: string;
  label: string;
  row: string;
  variant?: 'secondary' | 'link';
}) {
  return (
    <form method="post" action={action} class="inline">
      <input type="hidden" name="_csrf" value={ctx.csrf} />
      <button type="submit" class={variant}>
        <Label label={label} row={row} />
      </button>
    </form>
  );
}
