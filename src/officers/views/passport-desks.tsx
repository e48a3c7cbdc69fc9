import type { PageContext } from '../../platform/views/context.ts';
import { DeskTable } from '../../platform/views/desk-table.tsx';
import { deskPages, type PassportDesk } from '../passport-desks.ts';

/** The officer home's table of passport offices with links to the office pages the officer may open. */
export function PassportDesks({ ctx, desks }: { ctx: PageContext; desks: PassportDesk[] }) {
  const { t } = ctx;
  const rows = desks.map(({ unit, pages }) => ({
    code: unit.code,
    name: unit.name,
    links: pages.map((p) => ({ href: p.href, text: t(deskPages[p.page]) })),
  }));
  return (
    <DeskTable
      ctx={ctx}
      title={t('counterDesk.home.title')}
      lead={t('counterDesk.home.lead')}
      unitHeader={t('counterDesk.home.unit')}
      rows={rows}
    />
  );
}
