import { formatDateTime } from '../../platform/i18n/format.ts';
import type { PageContext } from '../../platform/views/context.ts';
import { Layout } from '../../platform/views/layout.tsx';
import { RowLink } from '../../platform/views/row-actions.tsx';
import type { Lodging } from '../schema.ts';

function List({ ctx, lodgings }: { ctx: PageContext; lodgings: Lodging[] }) {
  const { t, lang } = ctx;
  return (
    <ul>
      {lodgings.map((l) => (
        <li key={l.id}>
          <RowLink href={`/officer/lodgings/verification/${l.id}`} label={l.name} row="" /> ·{' '}
          {t(`lodgings.intake.kinds.${l.kind}`)} · {l.unitCode} · {t('lodgings.intake.officer.registeredAt')}{' '}
          {formatDateTime(lang, l.createdAt)}
        </li>
      ))}
    </ul>
  );
}

/** The lodgings of the officer's units waiting for verification, oldest first, and those suspended. */
export function OfficerLodgingsPage({
  ctx,
  pending,
  suspended,
}: {
  ctx: PageContext;
  pending: Lodging[];
  suspended: Lodging[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('lodgings.intake.officer.title')}>
      <h1>{t('lodgings.intake.officer.title')}</h1>
      <p class="lead">{t('lodgings.intake.officer.lead')}</p>
      {pending.length === 0 ? <p>{t('lodgings.intake.officer.none')}</p> : <List ctx={ctx} lodgings={pending} />}
      {suspended.length > 0 && (
        <>
          <h2>{t('lodgings.intake.officer.suspendedTitle')}</h2>
          <List ctx={ctx} lodgings={suspended} />
        </>
      )}
    </Layout>
  );
}
