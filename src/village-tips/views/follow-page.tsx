import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import type { FollowedTip } from '../follow-tip.ts';

/** Code and secret, posted (the secret never goes into an address, logs or browser history). */
export function FollowFormPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const labels = { trackingCode: t('villageTips.fields.trackingCode'), secret: t('villageTips.fields.secret') };
  return (
    <Layout ctx={ctx} title={t('villageTips.followTitle')} hasErrors={!!state.errors}>
      <h1>{t('villageTips.followTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <PostForm ctx={ctx} action="/desa-binaan/lapor/lacak" submit={t('villageTips.followSubmit')}>
        <Field name="trackingCode" label={labels.trackingCode} state={state} />
        <Field name="secret" label={labels.secret} state={state} autocomplete="off" />
      </PostForm>
    </Layout>
  );
}

/** What the holder of the secret sees: the kind, the status and the answers. */
export function FollowStatusPage({ ctx, tip }: { ctx: PageContext; tip: FollowedTip }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t('villageTips.followTitle')}>
      <h1>{`${t('villageTips.followTitle')} ${tip.trackingCode}`}</h1>
      <dl>
        <dt>{t('villageTips.fields.kind')}</dt>
        <dd>{t(`villageTips.kinds.${tip.kind}`)}</dd>
        <dt>{t('villageTips.fields.status')}</dt>
        <dd>
          <strong>{t(`villageTips.statuses.${tip.status}`)}</strong>
        </dd>
        <dt>{t('villageTips.fields.receivedAt')}</dt>
        <dd>{formatDateTime(lang, tip.receivedAt)}</dd>
      </dl>
      <h2>{t('villageTips.answers')}</h2>
      {tip.answers.length === 0 ? (
        <p>{t('villageTips.noAnswers')}</p>
      ) : (
        <ul>
          {tip.answers.map((a, i) => (
            <li key={i}>
              <strong>{formatDateTime(lang, a.at)}</strong> {a.text}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
