import { formatDateTime, formatDay } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { listLodgingGrants } from '../list-lodging-grants.ts';
import { oversightBase } from './lodged-now-page.tsx';

type Grant = Awaited<ReturnType<typeof listLodgingGrants>>[number];
type Props = { ctx: PageContext; unitCode: string; grants: Grant[]; today: string; state: FormState };

/** The unit's partner grants (live, expired, revoked) with a revoke button on each live one, and the form to grant. */
export function PartnerGrantsPage({ ctx, unitCode, grants, today, state }: Props) {
  const { t } = ctx;
  const base = `${oversightBase(unitCode)}/partners`;
  const labels = {
    email: t('lodgings.oversight.partners.email'),
    validUntil: t('lodgings.oversight.partners.validUntil'),
  };
  const stateOf = (g: Grant) => (g.revokedAt ? 'revoked' : g.validUntil < today ? 'expired' : 'live');
  return (
    <Layout ctx={ctx} title={t('lodgings.oversight.partners.title')} hasErrors={!!state.errors}>
      <p>
        <a href={oversightBase(unitCode)}>{t('lodgings.oversight.links.back')}</a>
      </p>
      <h1>{t('lodgings.oversight.partners.title')}</h1>
      <p class="lead">{t('lodgings.oversight.partners.lead')}</p>
      {grants.length === 0 ? (
        <p>{t('lodgings.oversight.partners.none')}</p>
      ) : (
        <table>
          <caption>{t('lodgings.oversight.partners.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('lodgings.oversight.partners.partner')}</th>
              <th scope="col">{t('lodgings.oversight.partners.grantedAt')}</th>
              <th scope="col">{t('lodgings.oversight.partners.validUntil')}</th>
              <th scope="col">{t('lodgings.oversight.partners.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.partnerName}
                  <br />
                  <small>{g.partnerEmail}</small>
                </td>
                <td>{formatDateTime(ctx.lang, g.grantedAt)}</td>
                <td>{formatDay(ctx.lang, g.validUntil)}</td>
                <td>{t(`lodgings.oversight.partners.${stateOf(g)}`)}</td>
                <td>
                  {stateOf(g) === 'live' && (
                    <form method="post" action={`${base}/${g.id}/revoke`}>
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="secondary">
                        {t('lodgings.oversight.partners.revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('lodgings.oversight.partners.addTitle')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={base} submit={t('lodgings.oversight.partners.add')}>
        <Field
          name="email"
          type="email"
          label={labels.email}
          hint={t('lodgings.oversight.partners.emailHint')}
          state={state}
        />
        <Field name="validUntil" type="date" label={labels.validUntil} state={state} />
      </Form>
    </Layout>
  );
}
