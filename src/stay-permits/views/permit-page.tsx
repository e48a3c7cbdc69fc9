import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import type { DescribedPermit } from '../describe-stay-permit.ts';
import { DaysLeft, day, holderName } from './permit-labels.tsx';

type Props = { ctx: PageContext; described: DescribedPermit; today: string; back: { href: string; text: string } };

/** A permit's terms, holder, sponsor, history and the changes reported on it: for officers and the sponsor alike. */
export function PermitDetails({
  ctx,
  described,
  today,
  officer = false,
  permitHref,
}: Omit<Props, 'back'> & { officer?: boolean; permitHref: (id: string) => string }) {
  const { t } = ctx;
  const { permit, holder, sponsor, history, next, changes } = described;
  const rows: [string, preact.ComponentChildren][] = [
    [t('stayPermits.fields.holder'), `${holderName(holder)} (${holder.nationality}, ${day(ctx, holder.birthDate)})`],
    [t('stayPermits.fields.status'), t(`stayPermits.statuses.${permit.status}`)],
    [t('stayPermits.fields.entryBasis'), t(`stayPermits.bases.${permit.entryBasis}`)],
    [t('stayPermits.fields.visaIndex'), permit.visaIndex ?? '—'],
    [t('stayPermits.fields.permitNumber'), permit.permitNumber ?? '—'],
    [t('stayPermits.fields.entryDate'), day(ctx, permit.entryDate)],
    [t('stayPermits.fields.validFrom'), day(ctx, permit.validFrom)],
    [t('stayPermits.fields.validUntil'), day(ctx, permit.validUntil)],
    [t('stayPermits.fields.daysLeft'), <DaysLeft ctx={ctx} validUntil={permit.validUntil} today={today} />],
    [t('stayPermits.fields.extensions'), String(permit.extensions)],
    [t('stayPermits.fields.sponsorId'), sponsor ? `${sponsor.name} (${sponsor.registrationNumber})` : '—'],
    [t('stayPermits.fields.responsiblePerson'), permit.responsiblePerson ?? '—'],
  ];
  if (permit.pendingChangePaidOn)
    rows.push([t('stayPermits.fields.pendingChangePaidOn'), day(ctx, permit.pendingChangePaidOn)]);
  return (
    <>
      <dl class="summary">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {permit.previousPermitId && (
        <p>
          <a href={permitHref(permit.previousPermitId)}>{t('stayPermits.permit.previous')}</a>
        </p>
      )}
      {next && (
        <p>
          {t('stayPermits.permit.next')}: <a href={permitHref(next.id)}>{t(`stayPermits.types.${next.type}`)}</a>
        </p>
      )}
      <h2>{t('stayPermits.permit.history')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('stayPermits.fields.when')}</th>
            <th scope="col">{t('stayPermits.fields.what')}</th>
            {officer && <th scope="col">{t('stayPermits.fields.who')}</th>}
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={i}>
              <td>{formatDateTime(ctx.lang, h.at)}</td>
              <td>{t(`stayPermits.actions.${h.type}`, { defaultValue: h.type })}</td>
              {officer && <td>{h.actorName ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('stayPermits.permit.changes')}</h2>
      {changes.length === 0 ? (
        <p>{t('stayPermits.unit.noChanges')}</p>
      ) : (
        <ul class="plain">
          {changes.map((c) => (
            <li key={c.id}>
              <strong>{t(`stayPermits.changeKinds.${c.kind}`)}</strong> ({formatDateTime(ctx.lang, c.reportedAt)}):{' '}
              {c.details} —{' '}
              {c.acknowledgedAt
                ? t('stayPermits.permit.acknowledgedOn', { at: formatDateTime(ctx.lang, c.acknowledgedAt) })
                : t('stayPermits.permit.waiting')}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PermitPage({ ctx, described, today, back }: Props) {
  const title = ctx.t('stayPermits.permit.title', {
    type: ctx.t(`stayPermits.types.${described.permit.type}`),
    holder: holderName(described.holder),
  });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={back.href}>{back.text}</a>
      </p>
      <h1>{title}</h1>
      <PermitDetails
        ctx={ctx}
        described={described}
        today={today}
        officer
        permitHref={(id) => `/officer/stay-permits/${id}`}
      />
    </Layout>
  );
}
