import { formatDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { Attention } from '../find-attention.ts';

/**
 * Desa Binaan's early warning at the interview: what the office knows (the adopted villages the applicant comes from
 * with their PIMPASA to call, open warnings' summaries). It reads only what the look-ups return, so it cannot name
 * a tipster; it is a reason to ask carefully, not a decision.
 */
export function AttentionNote({ ctx, attention }: { ctx: PageContext; attention: Attention }) {
  const { t, lang } = ctx;
  const { villages, warnings } = attention;
  return (
    <section class="notice attention" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('cases.attention.title')}</h2>
      <p>{t('cases.attention.lead')}</p>
      {villages.length > 0 && (
        <>
          <h3>{t('cases.attention.villagesTitle')}</h3>
          <ul>
            {villages.map((v) => (
              <li key={v.villageCode}>
                {t(v.via === 'address' ? 'cases.attention.viaAddress' : 'cases.attention.viaNik', {
                  village: v.village,
                  district: v.district,
                  regency: v.regency,
                })}{' '}
                {v.officers.length === 0 ? (
                  t('cases.attention.noOfficer')
                ) : (
                  <>
                    {t('cases.attention.officers')}{' '}
                    {v.officers.map((o, i) => (
                      <span key={i}>
                        {i > 0 && ', '}
                        {o.name} (<a href={`tel:${o.phone.replace(/[^\d+]/g, '')}`}>{o.phone}</a>)
                      </span>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {warnings.length > 0 && (
        <>
          <h3>{t('cases.attention.warningsTitle')}</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w.id}>
                <strong>{t(`cases.attention.kinds.${w.kind}`)}</strong>
                {w.personName && ` · ${w.personName}`}
                {w.recruiterName && ` · ${t('cases.attention.recruiter', { name: w.recruiterName })}`}
                {': '}
                {w.summary}{' '}
                <span class="hint">
                  {t('cases.attention.raisedOn', { date: formatDate(lang, w.raisedAt), unit: w.unitCode })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
