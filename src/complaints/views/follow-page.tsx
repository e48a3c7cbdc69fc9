import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, type FormState, TextArea } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { FollowedComplaint } from '../follow-complaint.ts';
import { PostForm } from '../../platform/views/post-form.tsx';

const labelsOf = (ctx: PageContext) => ({
  trackingCode: ctx.t('complaints.fields.trackingCode'),
  secret: ctx.t('complaints.fields.secret'),
  reason: ctx.t('complaints.fields.reopenReason'),
  satisfaction: ctx.t('complaints.fields.satisfaction'),
});

/** Code and secret, posted (the secret never goes into an address, logs or browser history). */
export function FollowFormPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('complaints.followTitle')} hasErrors={!!state.errors}>
      <h1>{t('complaints.followTitle')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labelsOf(ctx)} />
      <PostForm ctx={ctx} action="/pengaduan/lacak" submit={t('complaints.followSubmit')}>
        <Field name="trackingCode" label={t('complaints.fields.trackingCode')} state={state} />
        <Field name="secret" label={t('complaints.fields.secret')} state={state} autocomplete="off" />
      </PostForm>
    </Layout>
  );
}

type Props = {
  ctx: PageContext;
  complaint: FollowedComplaint;
  secret: string;
  mayReopen: boolean;
  mayRate: boolean;
  satisfaction: number | null;
  state: FormState;
  notice?: string;
};

/** What the holder of the secret sees: the status, the public replies, and (in time) reopening and the satisfaction question. */
export function FollowStatusPage({ ctx, complaint, secret, mayReopen, mayRate, satisfaction, state, notice }: Props) {
  const { t } = ctx;
  const keys = (
    <>
      <input type="hidden" name="trackingCode" value={complaint.trackingCode} />
      <input type="hidden" name="secret" value={secret} />
    </>
  );
  return (
    <Layout ctx={ctx} title={t('complaints.followTitle')} hasErrors={!!state.errors}>
      <h1>{`${t('complaints.followTitle')} ${complaint.trackingCode}`}</h1>
      {notice && <p role="status">{notice}</p>}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labelsOf(ctx)} />
      <dl>
        <dt>{t('complaints.fields.status')}</dt>
        <dd>
          <strong>{t(`complaints.statuses.${complaint.status}`)}</strong>
        </dd>
        <dt>{t('complaints.fields.type')}</dt>
        <dd>{t(`complaints.types.${complaint.type}`)}</dd>
        <dt>{t('complaints.fields.category')}</dt>
        <dd>{t(`complaints.categories.${complaint.category}`)}</dd>
        <dt>{t('complaints.fields.receivedAt')}</dt>
        <dd>{formatDateTime(ctx.lang, complaint.receivedAt)}</dd>
      </dl>
      <h2>{t('complaints.replies')}</h2>
      {complaint.replies.length === 0 ? (
        <p>{t('complaints.noReplies')}</p>
      ) : (
        <ol class="history">
          {complaint.replies.map((r, i) => (
            <li key={i}>
              <time>{formatDateTime(ctx.lang, r.at)}</time> {r.text}
            </li>
          ))}
        </ol>
      )}
      {mayReopen && (
        <>
          <h2>{t('complaints.reopenTitle')}</h2>
          <PostForm ctx={ctx} action="/pengaduan/lacak/buka-kembali" submit={t('complaints.reopenSubmit')}>
            {keys}
            <TextArea name="reason" label={t('complaints.fields.reopenReason')} state={state} />
          </PostForm>
        </>
      )}
      {mayRate && (
        <>
          <h2>{t('complaints.rateTitle')}</h2>
          <PostForm ctx={ctx} action="/pengaduan/lacak/kepuasan" submit={t('complaints.rateSubmit')}>
            {keys}
            <Radios
              name="satisfaction"
              legend={t('complaints.fields.satisfaction')}
              state={state}
              options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`complaints.satisfaction.${n}`) }))}
            />
          </PostForm>
        </>
      )}
      {satisfaction !== null && <p>{t('complaints.rated', { label: t(`complaints.satisfaction.${satisfaction}`) })}</p>}
    </Layout>
  );
}
