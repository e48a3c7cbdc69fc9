import type { PageContext } from './context.ts';
import { Layout } from './layout.tsx';

export function ErrorView({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  return (
    <Layout ctx={ctx} title={ctx.t('errors.title', { status })}>
      <h1>{ctx.t('errors.title', { status })}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{ctx.t('common.backHome')}</a>
      </p>
    </Layout>
  );
}
