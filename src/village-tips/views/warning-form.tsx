import type { PageContext } from '../../platform/views/context.ts';
import { Field, TextArea, type FormState } from '../../platform/views/form.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import { warningKinds } from '../schema.ts';
import { options } from './parts.tsx';

export const warningFields = [
  'kind',
  'summary',
  'nik',
  'personName',
  'birthDate',
  'recruiterName',
  'areaCode',
  'expiresOn',
  'tipId',
];

/** Raising a warning, from a tip (its id hidden) or directly: the kind, the summary, whom or where it concerns. */
export function RaiseWarningForm({
  ctx,
  state,
  requestId,
  tipId,
}: {
  ctx: PageContext;
  state: FormState;
  requestId: string;
  tipId?: string;
}) {
  const { t } = ctx;
  const f = (name: string) => t(`villageTips.fields.${name}`);
  return (
    <PostForm ctx={ctx} action="/officer/desa-binaan/warnings" submit={t('villageTips.officer.raiseWarning')}>
      <input type="hidden" name="requestId" value={`${requestId}_raise`} />
      {tipId && <input type="hidden" name="tipId" value={tipId} />}
      <Radios name="kind" legend={f('kind')} state={state} options={options(ctx, 'warningKinds', warningKinds)} />
      <TextArea name="summary" label={f('summary')} hint={t('villageTips.hints.summary')} state={state} rows={3} />
      <Field name="nik" label={f('nik')} hint={t('villageTips.hints.person')} state={state} inputmode="numeric" />
      <Field name="personName" label={f('personName')} state={state} />
      <Field name="birthDate" label={f('birthDate')} state={state} type="date" />
      <Field name="recruiterName" label={f('recruiterName')} state={state} />
      <Field name="areaCode" label={f('areaCode')} state={state} />
      <Field name="expiresOn" label={f('expiresOn')} state={state} type="date" />
    </PostForm>
  );
}
