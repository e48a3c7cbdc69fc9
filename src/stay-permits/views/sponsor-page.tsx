import { RowButton } from '../../platform/views/row-actions.tsx';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { DescribedSponsor } from '../describe-sponsor.ts';
import { DaysLeft, day, holderName } from './permit-labels.tsx';

type Props = { ctx: PageContext; described: DescribedSponsor; today: string; memberState: FormState };

/** A sponsor's own page: its registration, its members, and its foreigners' permits with the days each has left. */
export function SponsorPage({ ctx, described, today, memberState }: Props) {
  const { t } = ctx;
  const { sponsor, members, permits } = described;
  return (
    <Layout ctx={ctx} title={sponsor.name} hasErrors={!!memberState.errors}>
      <h1>{sponsor.name}</h1>
      <p>
        {t('stayPermits.sponsor.status')}: <strong>{t(`stayPermits.sponsorStatuses.${sponsor.status}`)}</strong>
        {sponsor.decisionNote ? ` — ${sponsor.decisionNote}` : ''}
      </p>
      <h2>{t('stayPermits.sponsor.permits')}</h2>
      {permits.length === 0 ? (
        <p>{t('stayPermits.sponsor.noPermits')}</p>
      ) : (
        <ScrollRegion label={t('stayPermits.sponsor.permits')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('stayPermits.fields.holder')}</th>
                <th scope="col">{t('stayPermits.fields.nationality')}</th>
                <th scope="col">{t('stayPermits.fields.type')}</th>
                <th scope="col">{t('stayPermits.fields.status')}</th>
                <th scope="col">{t('stayPermits.fields.validUntil')}</th>
                <th scope="col">{t('stayPermits.fields.daysLeft')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {permits.map((p) => (
                <tr key={p.id}>
                  <td>{holderName(p.holder)}</td>
                  <td>{p.holder.nationality}</td>
                  <td>{t(`stayPermits.types.${p.type}`)}</td>
                  <td>{t(`stayPermits.statuses.${p.status}`)}</td>
                  <td>{day(ctx, p.validUntil)}</td>
                  <td>
                    <DaysLeft ctx={ctx} validUntil={p.validUntil} today={today} />
                  </td>
                  <td>
                    <RowLink
                      href={`/sponsors/${sponsor.id}/permits/${p.id}`}
                      label={t('stayPermits.sponsor.reportChange')}
                      row={holderName(p.holder)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h2>{t('stayPermits.sponsor.members')}</h2>
      <ul class="plain">
        {members.map((m) => (
          <li key={m.email}>
            {m.name} ({m.email}){' '}
            {members.length > 1 && (
              <RowButton
                ctx={ctx}
                action={`/sponsors/${sponsor.id}/members/${m.accountId}/remove`}
                label={t('stayPermits.sponsor.removeMember')}
                row={m.name}
                variant="link"
              />
            )}
          </li>
        ))}
      </ul>
      <ErrorSummary ctx={ctx} errors={memberState.errors} labels={{ email: t('stayPermits.fields.email') }} />
      <Form ctx={ctx} action={`/sponsors/${sponsor.id}/members`} submit={t('stayPermits.sponsor.addMember')}>
        <Field
          name="email"
          label={t('stayPermits.fields.email')}
          hint={t('stayPermits.sponsor.addMemberHint')}
          state={memberState}
          type="email"
        />
      </Form>
    </Layout>
  );
}
