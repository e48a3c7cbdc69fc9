import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';

export function FirstAdminPage({ ctx, token, state }: { ctx: PageContext; token: string; state: FormState }) {
  const { t } = ctx;
  const labels = { name: t('fields.name'), email: t('fields.email'), password: t('fields.newPassword') };
  return (
    <Layout ctx={ctx} title={t('setup.title')} hasErrors={!!state.errors}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.lead')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} />
      <Form ctx={ctx} action="/setup" submit={t('setup.submit')}>
        <input type="hidden" name="token" value={token} />
        <Field name="name" label={labels.name} state={state} autocomplete="name" required />
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

export function FirstAdminCreatedPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.doneTitle')}>
      <h1>{t('setup.doneTitle')}</h1>
      <p role="status">{t('setup.done', { email })}</p>
      <p>
        <a href="/login?next=%2Faccount%2Ftotp">{t('nav.login')}</a>
      </p>
    </Layout>
  );
}

export function SetupClosedPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.closedTitle')}>
      <h1>{t('setup.closedTitle')}</h1>
      <p>{t('setup.closed')}</p>
      <p>
        <a href="/login">{t('nav.login')}</a>
      </p>
    </Layout>
  );
}
