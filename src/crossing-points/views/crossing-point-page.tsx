import { formatCalendarDate, formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, TextArea, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { PostForm } from '../../platform/views/post-form.tsx';
import { Radios } from '../../platform/views/radios.tsx';
import type { CrossingPoint } from '../get-crossing-point.ts';
import type { PlbHistoryEntry } from '../plb-history.ts';
import { plbTodayText, serviceHoursText } from './point-facts.tsx';

type Props = {
  ctx: PageContext;
  point: CrossingPoint;
  unitName: string;
  history: PlbHistoryEntry[];
  today: string;
  /** The switch's form, for the head of the point's office or the Kanwil's admin; null for everyone else. */
  switchForm: { state: FormState; requestId: string } | null;
};

/** One crossing point: what it is, whether a PLB works there today, the switch's history and the switch itself. */
export function CrossingPointPage({ ctx, point, unitName, history, today, switchForm }: Props) {
  const { t, lang } = ctx;
  const facts: [string, string][] = [
    ['kind', t(`crossingPoints.kinds.${point.kind}`)],
    ['unit', unitName],
    ['counterpart', point.counterpart ?? t('crossingPoints.unknown')],
    ['hours', serviceHoursText(ctx, point.serviceHours)],
    ['documents', point.documents.map((d) => t(`crossingPoints.documents.${d}`)).join(', ')],
    ['plbToday', plbTodayText(ctx, point, today)],
    ['source', point.source],
  ];
  const state = switchForm?.state ?? {};
  return (
    <Layout ctx={ctx} title={point.name} hasErrors={!!state.errors}>
      <p>
        <a href="/officer/crossing-points">{t('crossingPoints.title')}</a>
      </p>
      <h1>{point.name}</h1>
      <p>
        <a href={`/officer/crossing-points/${point.code}/desk`}>{t('crossingPoints.deskLink')}</a>
      </p>
      <dl>
        {facts.map(([key, value]) => (
          <>
            <dt>{t(`crossingPoints.fields.${key}`)}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      {switchForm && (
        <>
          <h2>{t('crossingPoints.switch.title')}</h2>
          <ErrorSummary
            ctx={ctx}
            errors={state.errors}
            labels={{
              accepts: t('crossingPoints.switch.accepts'),
              effectiveFrom: t('crossingPoints.switch.effectiveFrom'),
              reason: t('crossingPoints.switch.reason'),
            }}
          />
          {state.errors?._form && <p class="error">{state.errors._form}</p>}
          <PostForm
            ctx={ctx}
            action={`/officer/crossing-points/${point.code}/plb`}
            submit={t('crossingPoints.switch.submit')}
          >
            <input type="hidden" name="requestId" value={switchForm.requestId} />
            <Radios
              name="accepts"
              legend={t('crossingPoints.switch.accepts')}
              state={state}
              options={[
                { value: 'yes', label: t('crossingPoints.switch.yes') },
                { value: 'no', label: t('crossingPoints.switch.no') },
              ]}
            />
            <Field
              name="effectiveFrom"
              type="date"
              label={t('crossingPoints.switch.effectiveFrom')}
              hint={t('crossingPoints.switch.effectiveFromHint')}
              state={state}
            />
            <TextArea
              name="reason"
              label={t('crossingPoints.switch.reason')}
              hint={t('crossingPoints.switch.reasonHint')}
              state={state}
            />
          </PostForm>
        </>
      )}
      <h2>{t('crossingPoints.history.title')}</h2>
      {history.length === 0 ? (
        <p>{t('crossingPoints.history.none')}</p>
      ) : (
        <ul>
          {history.map((h, i) => (
            <li key={i}>
              {t(h.accepts ? 'crossingPoints.history.on' : 'crossingPoints.history.off', {
                date: formatCalendarDate(lang, h.effectiveFrom),
              })}{' '}
              — {h.reason} ({h.officerName ?? t('crossingPoints.history.seed')}, {formatDateTime(lang, h.switchedAt)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
