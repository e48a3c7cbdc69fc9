import { formatDateTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { RowButton } from '../../platform/views/row-actions.tsx';
import { ScrollRegion } from '../../platform/views/scroll-region.tsx';
import type { listSessions } from '../../platform/auth/sessions.ts';
import type { listApiTokens } from '../api-tokens.ts';

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];
type Session = Awaited<ReturnType<typeof listSessions>>[number];
type Props = {
  ctx: PageContext;
  tokens: Token[];
  sessions: Session[];
  tokenDays: number;
  newToken?: string;
  notice?: string;
  state: FormState;
  unitName?: string;
};

/** The browser and system a user agent names, in a few words ("Chrome on Android"), never the whole string. */
function device(userAgent: string | null, unknown: string): string {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  return [browser, system].filter(Boolean).join(' · ') || unknown;
}

function Sessions({ ctx, sessions }: { ctx: PageContext; sessions: Session[] }) {
  const { t, lang } = ctx;
  return (
    <section>
      <h2>{t('account.sessionsTitle')}</h2>
      <p>{t('account.sessionsLead')}</p>
      <ScrollRegion label={t('account.sessionsTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('account.sessionDevice')}</th>
              <th scope="col">{t('account.sessionSince')}</th>
              <th scope="col">{t('account.sessionLastSeen')}</th>
              <th scope="col">{t('account.sessionIp')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{device(s.userAgent, t('account.unknownDevice'))}</td>
                <td>{formatDateTime(lang, s.createdAt)}</td>
                <td>{formatDateTime(lang, s.lastSeenAt)}</td>
                <td>{s.ip ?? '—'}</td>
                <td>
                  {s.current ? (
                    <strong>{t('account.sessionThis')}</strong>
                  ) : (
                    <RowButton
                      ctx={ctx}
                      action={`/account/sessions/${s.id}/end`}
                      label={t('account.sessionEnd')}
                      row={device(s.userAgent, t('account.unknownDevice'))}
                      variant="secondary"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>{t('account.everywhereTitle')}</h3>
      <p>{t('account.everywhereLead')}</p>
      <form method="post" action="/account/sign-out-everywhere">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <button type="submit" class="warning">
          {t('account.everywhere')}
        </button>
      </form>
    </section>
  );
}

export function AccountPage({ ctx, tokens, sessions, tokenDays, newToken, notice, state, unitName }: Props) {
  const { t, lang } = ctx;
  const actor = ctx.actor!;
  const now = Date.now();
  return (
    <Layout ctx={ctx} title={t('account.title')} hasErrors={!!state.errors}>
      <h1>{t('account.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
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
          {actor.totpEnabled ? (
            <p>{t('account.totpOn')}</p>
          ) : (
            <p>
              {t('account.totpOff')} <a href="/account/totp">{t('account.totpSetup')}</a>
            </p>
          )}
        </section>
      )}
      <Sessions ctx={ctx} sessions={sessions} />
      <section>
        <h2>{t('account.tokensTitle')}</h2>
        <p>
          {t('account.tokensLead')} {t('account.tokenLifetime', { days: tokenDays })}
        </p>
        {newToken && (
          <div class="notice" role="status">
            <p>{t('account.tokenCreated')}</p>
            <p>
              <code class="token">{newToken}</code>
            </p>
          </div>
        )}
        {tokens.length > 0 && (
          <ScrollRegion label={t('account.tokensTitle')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fields.tokenName')}</th>
                  <th scope="col">{t('account.tokenPrefix')}</th>
                  <th scope="col">{t('account.tokenCreatedAt')}</th>
                  <th scope="col">{t('account.tokenLastUsed')}</th>
                  <th scope="col">{t('account.tokenExpires')}</th>
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
                    <td>{formatDateTime(lang, tok.expiresAt)}</td>
                    <td>
                      {tok.revokedAt ? (
                        t('account.tokenRevoked')
                      ) : tok.expiresAt.getTime() <= now ? (
                        t('account.tokenExpired')
                      ) : (
                        <RowButton
                          ctx={ctx}
                          action={`/account/tokens/${tok.id}/revoke`}
                          label={t('account.revoke')}
                          row={tok.name}
                          variant="secondary"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <ErrorSummary ctx={ctx} errors={state.errors} labels={{ name: t('fields.tokenName') }} />
        <Form ctx={ctx} action="/account/tokens" submit={t('account.createToken')}>
          <Field name="name" label={t('fields.tokenName')} hint={t('account.tokenNameHint')} state={state} required />
        </Form>
      </section>
    </Layout>
  );
}

export function TotpSetupPage({
  ctx,
  secret,
  qr,
  state,
}: {
  ctx: PageContext;
  secret: string;
  qr: string;
  state: FormState;
}) {
  const { t } = ctx;
  const labels = { code: t('fields.totp') };
  return (
    <Layout ctx={ctx} title={t('totp.setupTitle')} hasErrors={!!state.errors}>
      <h1>{t('totp.setupTitle')}</h1>
      {ctx.actor?.kind === 'officer' && <p class="notice">{t('totp.requiredForOfficers')}</p>}
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
        <Field
          name="code"
          label={labels.code}
          state={state}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
        />
      </Form>
    </Layout>
  );
}
