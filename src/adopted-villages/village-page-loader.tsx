import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../platform/http/guards.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { availableActivitySteps } from './available-actions.ts';
import { activityOfficers, listOfficeOfficers } from './list-office-officers.ts';
import { can } from './policy.ts';
import { listVillageActivities, periodOfQuery, summariseVillages } from './village-activities.ts';
import { villageFor } from './village-access.ts';
import type { VillageSignalsOf } from './village-signals.ts';
import { VillagePage, type VillageForms } from './views/village-page.tsx';

/**
 * Renders one village's officer page (for its GET and for every form that comes back with errors): who may see it
 * is checked first, then the period's activities, the signals if the viewer may read them, and the forms the viewer
 * may use.
 */
export function villagePageLoader(db: () => Executor, signalsOf: VillageSignalsOf) {
  return async (req: FastifyRequest, reply: FastifyReply, forms: VillageForms = {}, status = 200, notice?: string) => {
    const actor = requireActor(req);
    const today = witaDate();
    const { code } = req.params as { code: string };
    const { village, target } = await villageFor(db(), actor, code, 'adopted_village.view', today);
    const period = periodOfQuery(today, req.query);
    const [activities, summaries, planOfficers, officers] = await Promise.all([
      listVillageActivities(db(), code, period),
      summariseVillages(db(), [code], period, signalsOf, can(actor, 'adopted_village.signals', target) ? [code] : []),
      activityOfficers(db(), actor, village, target),
      listOfficeOfficers(db(), village.unitCode),
    ]);
    const may = {
      act: can(actor, 'adopted_village.act', target),
      manage: can(actor, 'adopted_village.manage', target),
    };
    const editValues = {
      decreeNumber: village.decreeNumber ?? '',
      decreeDate: village.decreeDate ?? '',
      reasons: village.reasons,
      reasonNote: village.reasonNote,
      adoptedOn: village.adoptedOn,
    };
    return reply.page(
      <VillagePage
        ctx={reply.ctx()}
        village={village}
        summary={summaries.get(code)!}
        activities={activities.map((a) => ({ ...a, steps: availableActivitySteps(actor, a, target) }))}
        period={period}
        officers={officers}
        planOfficers={planOfficers}
        may={may}
        forms={{
          edit: { values: editValues },
          plan: { values: { heldOn: today } },
          assign: { values: { since: today } },
          end: { values: { endedOn: today } },
          ...forms,
        }}
        requestId={crypto.randomUUID()}
        notice={notice}
      />,
      status,
    );
  };
}
