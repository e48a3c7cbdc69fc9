import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { listApiTokens } from '../api-tokens.ts';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];
type Props = { ctx: PageContext; tokens: Token[]; newToken?: string; state: FormState; unitName?: string };

export function AccountPage({ ctx, tokens, newToken, state, unitName }: Props) {
  const { t, lang } = ctx;
  const actor = ctx.actor!;
  return (
    <Layout ctx={ctx} title={t('account.title')} hasErrors={!!state.errors}>
      <h1>{t('account.title')}</h1>
      <dl class="facts">
        <dt>{t('fields.name')}</dt>
        <dd>{actor.name}</dd>
        <dt>{t('fields.email')}</dt>
        <dd>{actor.email}</dd>
        {actor.role && (
          <>
            <dt>{t('fields.role')}</dt>
            <dd>{t(`roles.${actor.role}`)}</dd>
            <dt>{t('fields.unit')}</dt>
            <dd>{unitName ?? actor.unitCode}</dd>
          </>
        )}
      </dl>
      {actor.kind === 'officer' && (
        <section>
          <h2>{t('account.totpTitle')}</h2>
          {actor.totpEnabled ? <p>{t('account.totpOn')}</p> : (
            <p>
              {t('account.totpOff')} <a href="/account/totp">{t('account.totpSetup')}</a>
            </p>
          )}
        </section>
      )}
      <section>
        <h2>{t('account.tokensTitle')}</h2>
        <p>{t('account.tokensLead')}</p>
        {newToken && (
          <div class="notice" role="status">
            <p>{t('account.tokenCreated')}</p>
            <p>
              <code class="token">{newToken}</code>
            </p>
          </div>
        )}
        {tokens.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.tokenName')}</th>
                <th scope="col">{t('account.tokenPrefix')}</th>
                <th scope="col">{t('account.tokenCreatedAt')}</th>
                <th scope="col">{t('account.tokenLastUsed')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <td>{tok.name}</td>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td>{formatDateTime(lang, tok.createdAt)}</td>
                  <td>{tok.lastUsedAt ? formatDateTime(lang, tok.lastUsedAt) : '—'}</td>
                  <td>
                    {tok.revokedAt ? t('account.tokenRevoked') : (
                      <form method="post" action={`/account/tokens/${tok.id}/revoke`} class="inline">
                        <input type="hidden" name="_csrf" value={ctx.csrf} />
                        <button type="submit" class="secondary">
                          {t('account.revoke')}
                          <span class="visually-hidden"> {tok.name}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorSummary ctx={ctx} errors={state.errors} labels={{ name: t('fields.tokenName') }} />
        <Form ctx={ctx} action="/account/tokens" submit={t('account.createToken')}>
          <Field name="name" label={t('fields.tokenName')} hint={t('account.tokenNameHint')} state={state} required />
        </Form>
      </section>
    </Layout>
  );
}

export function TotpSetupPage({ ctx, secret, qr, state }: { ctx: PageContext; secret: string; qr: string; state: FormState }) {
  const { t } = ctx;
  const labels = { code: t('fields.totp') };
  return (
    <Layout ctx={ctx} title={t('totp.setupTitle')} hasErrors={!!state.errors}>
      <h1>{t('totp.setupTitle')}</h1>
      {ctx.actor?.role === 'admin' && <p class="notice">{t('totp.requiredForAdmins')}</p>}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <ol>
        <li>{t('totp.step1')}</li>
        <li>
          {t('totp.step2')}
          <img src={qr} alt={t('totp.qrAlt')} width={200} height={200} class="qr" />
          <p>
            {t('totp.manual')} <code class="token">{secret}</code>
          </p>
        </li>
        <li>{t('totp.step3')}</li>
      </ol>
      <Form ctx={ctx} action="/account/totp" submit={t('totp.enable')}>
        <Field name="code" label={labels.code} state={state} autocomplete="one-time-code" inputmode="numeric" required />
      </Form>
    </Layout>
  );
}
