import type { PageContext } from '../../platform/views/context.ts';
import { DeskTable } from '../../platform/views/desk-table.tsx';
import type { Unit } from '../../units/schema.ts';

/** The officer home's list of receptions, counters and call displays the officer may open. */
export function QueueDesks({ ctx, units }: { ctx: PageContext; units: Unit[] }) {
  const { t } = ctx;
  const rows = units.map((unit) => ({
    code: unit.code,
    name: unit.name,
    links: [
      { href: `/officer/units/${unit.code}/reception`, text: t('queue.home.reception') },
      { href: `/officer/units/${unit.code}/counter`, text: t('queue.home.counter') },
      { href: `/units/${unit.code}/antrian`, text: t('queue.home.display') },
    ],
  }));
  return (
    <DeskTable
      ctx={ctx}
      title={t('queue.home.title')}
      lead={t('queue.home.lead')}
      unitHeader={t('queue.home.unit')}
      rows={rows}
    />
  );
}
