import { formatTime } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import { ProofField, type ProofForm } from '../../platform/views/proof-field.tsx';
import type { ProofAssets } from '../../platform/proof/assets.ts';

type PageProps = { ctx: PageContext; state: FormState };

export function SignupPage({ ctx, state }: PageProps) {
  const { t } = ctx;
  const labels = { name: t('fields.name'), email: t('fields.email'), password: t('fields.newPassword') };
  return (
    <Layout ctx={ctx} title={t('signup.title')} hasErrors={!!state.errors}>
      <h1>{t('signup.title')}</h1>
      <p>{t('signup.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/signup" submit={t('signup.submit')}>
        <Field name="name" label={labels.name} hint={t('signup.nameHint')} state={state} autocomplete="name" required />
        <Field
          name="email"
          label={labels.email}
          state={state}
          type="email"
          autocomplete="email"
          inputmode="email"
          required
        />
        <Field
          name="password"
          label={labels.password}
          hint={t('signup.passwordHint')}
          state={state}
          type="password"
          autocomplete="new-password"
          required
        />
      </Form>
      <p>
        {t('signup.haveAccount')} <a href="/login">{t('nav.login')}</a>
      </p>
    </Layout>
  );
}

/** The sign-in form; with `proof` (an address under attack) it also carries the proof-of-work widget. */
export function LoginPage({
  ctx,
  state,
  next,
  proof,
  notice,
}: PageProps & {
  next: string;
  proof?: { form: ProofForm; assets: ProofAssets; minSeconds: number };
  notice?: string;
}) {
  const { t, lang } = ctx;
  const labels = { email: t('fields.email'), password: t('fields.password'), proof: t('login.proof.legend') };
  return (
    <Layout ctx={ctx} title={t('login.title')} hasErrors={!!state.errors}>
      {proof && <link rel="stylesheet" href={proof.assets.css} />}
      <h1>{t('login.title')}</h1>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/login?next=${encodeURIComponent(next)}`} submit={t('login.submit')}>
        <Field
          name="email"
          label={labels.email}
          state={state}
          type="email"
          autocomplete="username"
          inputmode="email"
          required
        />
        <Field
          name="password"
          label={labels.password}
          state={state}
          type="password"
          autocomplete="current-password"
          required
        />
        {proof && (
          <ProofField
            ctx={ctx}
            form={proof.form}
            legend={labels.proof}
            lead={t('login.proof.lead')}
            noScript={(readyAt) =>
              t('login.proof.noScript', { time: formatTime(lang, readyAt), seconds: proof.minSeconds })
            }
            error={state.errors?.proof}
          />
        )}
      </Form>
      {proof && <script type="module" src={proof.assets.script} />}
      <p>
        <a href="/password/forgot">{t('login.forgot')}</a> · <a href="/signup">{t('nav.signup')}</a>
      </p>
    </Layout>
  );
}

export function TotpChallengePage({ ctx, state, next }: PageProps & { next: string }) {
  const { t } = ctx;
  const labels = { code: t('fields.totp') };
  return (
    <Layout ctx={ctx} title={t('totp.challengeTitle')} hasErrors={!!state.errors}>
      <h1>{t('totp.challengeTitle')}</h1>
      <p>{t('totp.challengeLead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action={`/login/totp?next=${encodeURIComponent(next)}`} submit={t('totp.verify')}>
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

export function ForgotPasswordPage({ ctx, state }: PageProps) {
  const { t } = ctx;
  const labels = { email: t('fields.email') };
  return (
    <Layout ctx={ctx} title={t('forgot.title')} hasErrors={!!state.errors}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/password/forgot" submit={t('forgot.submit')}>
        <Field name="email" label={labels.email} state={state} type="email" autocomplete="email" required />
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, state, token }: PageProps & { token: string }) {
  const { t } = ctx;
  const labels = { password: t('fields.newPassword'), token: t('fields.link') };
  return (
    <Layout ctx={ctx} title={t('reset.title')} hasErrors={!!state.errors}>
      <h1>{t('reset.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/password/reset" submit={t('reset.submit')}>
        <input type="hidden" name="token" value={token} />
        <Field
          name="password"
          label={labels.password}
          hint={t('signup.passwordHint')}
          state={state}
          type="password"
          autocomplete="new-password"
          required
        />
      </Form>
    </Layout>
  );
}

/** A page that only says something: "check your email", "address verified", … */
export function MessagePage({
  ctx,
  title,
  message,
  link,
}: {
  ctx: PageContext;
  title: string;
  message: string;
  link?: { href: string; text: string };
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p role="status">{message}</p>
      {link && (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      )}
    </Layout>
  );
}
