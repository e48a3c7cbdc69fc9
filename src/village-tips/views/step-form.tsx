import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/views/context.ts';
import type { FormState } from '../../platform/views/form.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';

/**
 * One step's form. Its request id is made when the page was drawn, one per step: a form resent after a dropped
 * connection carries the same id and changes nothing, while another step from the same page is a request of its own.
 */
export function StepForm({
  ctx,
  action,
  step,
  title,
  requestId,
  children,
}: {
  ctx: PageContext;
  action: string;
  step: string;
  title: string;
  requestId: string;
  children: ComponentChildren;
}) {
  return (
    <section>
      <h3>{title}</h3>
      <PostForm ctx={ctx} action={action} submit={title}>
        <input type="hidden" name="requestId" value={`${requestId}_${step}`} />
        <input type="hidden" name="step" value={step} />
        {children}
      </PostForm>
    </section>
  );
}

/** The summary links to the refused step's own text box. */
export function summaryOf(state: FormState & { step?: string }) {
  if (!state.errors) return undefined;
  return Object.fromEntries(
    Object.entries(state.errors).map(([k, v]) => [k === 'text' && state.step ? `text-${state.step}` : k, v]),
  );
}
