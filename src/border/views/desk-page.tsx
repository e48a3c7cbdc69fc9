import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { CrossingPoint } from '../../crossing-points/get-crossing-point.ts';
import type { Crossing } from '../schema.ts';

type Props = { ctx: PageContext; point: CrossingPoint; held: Crossing[]; state: FormState; requestId: string };

const typedFields = ['documentNumber', 'nationality', 'fullName', 'birthDate', 'expiresOn'] as const;

/**
 * The desk: one form, the scan field focused so that a scanner that types fills it, the typed passport fields folded
 * away, and the crossings held at this point. Works without JavaScript; a resend carries the same request id.
 */
export function DeskPage({ ctx, point, held, state, requestId }: Props) {
  const { t, lang } = ctx;
  const base = `/officer/crossing-points/${point.code}`;
  const labels = Object.fromEntries(typedFields.map((f) => [f, t(`border.fields.${f}`)]));
  return (
    <Layout ctx={ctx} title={t('border.desk.title', { point: point.name })} hasErrors={!!state.errors}>
      <h1>{t('border.desk.title', { point: point.name })}</h1>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{
          ...labels,
          scan: t('border.desk.scan'),
          direction: t('border.desk.direction'),
          extensions: t('border.desk.extensions'),
        }}
      />
      <PostForm ctx={ctx} action={`${base}/desk`} submit={t('border.desk.submit')}>
        <input type="hidden" name="requestId" value={requestId} />
        <TextArea name="scan" label={t('border.desk.scan')} hint={t('border.desk.scanHint')} state={state} autofocus />
        <Radios
          name="direction"
          legend={t('border.desk.direction')}
          state={state}
          options={[
            { value: 'departure', label: t('border.directions.departure') },
            { value: 'arrival', label: t('border.directions.arrival') },
          ]}
        />
        <details open={typedFields.some((f) => state.errors?.[f])}>
          <summary>{t('border.desk.typed')}</summary>
          {typedFields.map((f) => (
            <Field
              key={f}
              name={f}
              label={t(`border.fields.${f}`)}
              type={f === 'birthDate' || f === 'expiresOn' ? 'date' : 'text'}
              state={state}
            />
          ))}
        </details>
        <Field name="extensions" label={t('border.desk.extensions')} inputmode="numeric" state={state} />
      </PostForm>
      <p>
        <a href={`${base}/overdue`}>{t('border.desk.overdue')}</a>
      </p>
      <h2>{t('border.heldList.title')}</h2>
      {held.length === 0 ? (
        <p>{t('border.heldList.none')}</p>
      ) : (
        <ul>
          {held.map((c) => (
            <li key={c.id}>
              <a href={`${base}/desk/crossings/${c.id}`}>
                {c.fullName} ({c.documentNumber})
              </a>{' '}
              — {t(`border.directions.${c.direction}`)}, {formatDateTime(lang, c.recordedAt)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
