import { formatCalendarDate } from '../../platform/i18n/index.ts';
import type { PageContext } from '../../platform/views/context.ts';
import type { MilestoneView } from '../milestone-outcomes.ts';
import type { RoadmapMilestone } from '../schema.ts';
import type { UnitRoadmap } from '../unit-roadmap.ts';

/** "2026-Q3" in the reader's language. */
export function quarterLabel(ctx: PageContext, quarter: string): string {
  return ctx.t('units.quarter', { q: quarter.slice(6), year: quarter.slice(0, 4) });
}

export function milestoneTarget(ctx: PageContext, m: RoadmapMilestone): string {
  return m.targetDate ? formatCalendarDate(ctx.lang, m.targetDate) : quarterLabel(ctx, m.targetQuarter ?? '');
}

/** The milestone's status with the day it was reached or dropped and what was said then. */
export function milestoneStatusText(ctx: PageContext, m: MilestoneView): string {
  const day = m.doneOn ?? m.droppedOn;
  const status = ctx.t(`units.milestoneStatuses.${m.status}`);
  const dated = day ? `${status} (${formatCalendarDate(ctx.lang, day)})` : status;
  return m.outcomeNote ? `${dated}: ${m.outcomeNote}` : dated;
}

/** The state's history (newest first) and the roadmap milestones of a unit, as the public and officers read them. */
export function RoadmapSection({ ctx, roadmap }: { ctx: PageContext; roadmap: UnitRoadmap }) {
  const { t } = ctx;
  return (
    <>
      <h2 id="history">{t('units.historyTitle')}</h2>
      {roadmap.history.length === 0 ? (
        <p>{t('units.historyEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.effectiveOn')}</th>
              <th scope="col">{t('units.change')}</th>
              <th scope="col">{t('units.note')}</th>
            </tr>
          </thead>
          <tbody>
            {roadmap.history.map((h, i) => (
              <tr key={i}>
                <td>{formatCalendarDate(ctx.lang, h.effectiveOn)}</td>
                <td>
                  {h.from ? `${t(`unitStates.${h.from}`)} → ` : ''}
                  {t(`unitStates.${h.to}`)}
                </td>
                <td>{h.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="roadmap">{t('units.roadmapTitle')}</h2>
      {roadmap.milestones.length === 0 ? (
        <p>{t('units.roadmapEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.milestone')}</th>
              <th scope="col">{t('units.target')}</th>
              <th scope="col">{t('units.state')}</th>
              <th scope="col">{t('units.note')}</th>
            </tr>
          </thead>
          <tbody>
            {roadmap.milestones.map((m) => (
              <tr key={m.id} id={`m-${m.id}`}>
                <td>{m.title}</td>
                <td>{milestoneTarget(ctx, m)}</td>
                <td>{milestoneStatusText(ctx, m)}</td>
                <td>{m.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
