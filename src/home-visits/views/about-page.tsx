import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { Unit } from '../../units/schema.ts';
import { ANSWER_WORKING_DAYS } from '../answer-deadline.ts';
import { homeVisitReasons } from '../schema.ts';

/** What si Koe Peduli is, who may ask, how, and what happens next; it leads to the request form. */
export function AboutPage({ ctx, units }: { ctx: PageContext; units: Pick<Unit, 'code' | 'name'>[] }) {
  const { t } = ctx;
  const start = '/si-koe-peduli/ajukan';
  return (
    <Layout ctx={ctx} title={t('homeVisits.about.title')}>
      <h1>{t('homeVisits.about.title')}</h1>
      <p class="lead">{t('homeVisits.about.lead')}</p>
      <p>
        <a class="button" href={start}>
          {t('homeVisits.about.start')}
        </a>
      </p>
      {!ctx.actor && <p class="hint">{t('homeVisits.about.signInNote')}</p>}

      <h2>{t('homeVisits.about.whoTitle')}</h2>
      <p>{t('homeVisits.about.whoLead')}</p>
      <ul>
        {homeVisitReasons.map((r) => (
          <li key={r}>{t(`homeVisits.reasons.${r}`)}</li>
        ))}
      </ul>
      <p>{t('homeVisits.about.whoFamily')}</p>
      <p>{t('homeVisits.about.whoCheck')}</p>

      <h2>{t('homeVisits.about.howTitle')}</h2>
      <ol>
        <li>{t('homeVisits.about.how1')}</li>
        <li>{t('homeVisits.about.how2')}</li>
        <li>{t('homeVisits.about.how3')}</li>
      </ol>

      <h2>{t('homeVisits.about.nextTitle')}</h2>
      <ol>
        <li>{t('homeVisits.about.next1')}</li>
        <li>{t('homeVisits.about.next2', { days: ANSWER_WORKING_DAYS })}</li>
        <li>{t('homeVisits.about.next3')}</li>
        <li>{t('homeVisits.about.next4')}</li>
      </ol>

      {units.length > 0 && (
        <>
          <h2>{t('homeVisits.about.unitsTitle')}</h2>
          <ul>
            {units.map((u) => (
              <li key={u.code}>
                <a href={`/units/${u.code}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a class="button" href={start}>
          {t('homeVisits.about.start')}
        </a>
      </p>
    </Layout>
  );
}
