import { id } from '../i18n/id.ts';
import type { PageContext } from './context.ts';

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': { challenge: string; name: string; auto: string; language: string; 'data-strings': string };
    }
  }
}

export type ProofForm = { token: string; challenge: string; readyAt: Date };

/**
 * A form's proof of work (see platform/proof/form-proof.ts): the signed token, the ALTCHA widget that solves the
 * challenge in the browser, and without JavaScript the time from which the form may be sent. The page includes
 * `assets.css` in its head and `assets.script` at its end.
 */
export function ProofField({
  ctx,
  form,
  legend,
  lead,
  noScript,
  error,
}: {
  ctx: PageContext;
  form: ProofForm;
  legend: string;
  lead: string;
  noScript: (readyAt: Date) => string;
  error?: string;
}) {
  const { t, lang } = ctx;
  const widgetStrings = Object.fromEntries(Object.keys(id.proof.widget).map((key) => [key, t(`proof.widget.${key}`)]));
  return (
    <>
      <input type="hidden" name="formToken" value={form.token} />
      <fieldset id="f-proof" class={error ? 'field has-error' : 'field'}>
        <legend>{legend}</legend>
        {error && <p class="error">{error}</p>}
        <p class="hint">{lead}</p>
        <altcha-widget
          challenge={form.challenge}
          name="altcha"
          auto="onload"
          language={lang}
          data-strings={JSON.stringify(widgetStrings)}
        />
        <noscript>
          <p>{noScript(form.readyAt)}</p>
        </noscript>
      </fieldset>
    </>
  );
}
