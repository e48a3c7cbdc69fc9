import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { notFound, type AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, optionalActor, requireActor } from '../platform/http/guards.ts';
import { listRegencies } from '../regions/queries.ts';
import { addRoadmapMilestone } from './add-roadmap-milestone.ts';
import { availableMilestoneSteps, availableStateSteps } from './available-actions.ts';
import { changeUnitState, type LiveAppointmentsAt } from './change-unit-state.ts';
import { UnitCodeParams } from './inputs.ts';
import { getUnit, listUnits } from './list-units.ts';
import { organisationRoot } from './organisation-root.ts';
import { performMilestoneAction } from './perform-milestone-action.ts';
import { authorize, can } from './policy.ts';
import {
  isMilestoneId,
  MilestoneActionBody,
  MilestoneBody,
  MilestonePageParams,
  StateChangeBody,
} from './roadmap-inputs.ts';
import { unitRoadmap } from './unit-roadmap.ts';
import { unitTarget } from './unit-target.ts';
import { RoadmapAdminPage, type RoadmapForms } from './views/roadmap-admin.tsx';
import { actorScope } from './scope.ts';
import { UnitForm, unitFormValues } from './views/unit-form.tsx';
import { UnitPage } from './views/unit-page.tsx';
import { UnitsAdminPage } from './views/units-admin.tsx';
import { UnitFormBody, toUnitChanges } from './unit-form-inputs.ts';
import { updateUnit } from './update-unit.ts';

export function registerUnitPages(fastify: FastifyInstance, liveAppointmentsAt: LiveAppointmentsAt): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/units/:code', { schema: { params: UnitCodeParams, hide: true } }, async (req, reply) => {
    const unit = await getUnit(db(), req.params.code);
    // Only a fully signed-in officer (second factor given) is offered the officer page.
    const actor = optionalActor(req);
    const [all, roadmap, { target }] = await Promise.all([
      listUnits(db()),
      unitRoadmap(db(), unit.code),
      unitTarget(db(), actor, unit.code),
    ]);
    return reply.page(
      <UnitPage
        ctx={reply.ctx()}
        unit={unit}
        parent={all.find((u) => u.code === unit.parentCode)}
        children={all.filter((u) => u.parentCode === unit.code)}
        roadmap={roadmap}
        manages={can(actor, 'unit.manage_post', target)}
      />,
    );
  });

  /** The officer's page for a unit's state and roadmap, with a failed form's values and errors when there is one. */
  const roadmapPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    forms: RoadmapForms,
    status = 200,
  ) => {
    const actor = requireActor(req);
    const { unit, target } = await unitTarget(db(), actor, code);
    authorize(actor, 'unit.manage_post', target);
    const roadmap = await unitRoadmap(db(), code);
    // A failed post to a milestone the unit does not have (or no milestone at all) is not found, whatever its body.
    const milestoneForms = Object.keys(forms).filter((f) => f !== 'state' && f !== 'milestone');
    if (milestoneForms.some((id) => !roadmap.milestones.some((m) => m.id === id))) throw notFound();
    const milestoneSteps = new Map(
      roadmap.milestones.map((m) => [m.id, availableMilestoneSteps(actor, m.status, target)]),
    );
    return reply.page(
      <RoadmapAdminPage
        ctx={reply.ctx()}
        unit={unit}
        roadmap={roadmap}
        stateSteps={availableStateSteps(actor, unit.state, target)}
        milestoneSteps={milestoneSteps}
        forms={forms}
        today={witaDate()}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };
  const rerender =
    (form: (req: FastifyRequest) => string) =>
    async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      if (error.status !== 409 && error.status !== 422) throw error;
      const values = (req.body ?? {}) as Record<string, unknown>;
      const { code } = req.params as { code: string };
      return roadmapPage(
        req,
        reply,
        code,
        { [form(req)]: { values, errors: formErrors(req.t, error, fields) } },
        error.status,
      );
    };
  const back = (code: string, anchor: string) => `/admin/units/${encodeURIComponent(code)}/roadmap?saved=1#${anchor}`;

  app.get('/admin/units/:code/roadmap', { schema: { params: UnitCodeParams, hide: true } }, async (req, reply) =>
    roadmapPage(req, reply, req.params.code, {}),
  );
  app.post(
    '/admin/units/:code/state',
    {
      schema: { params: UnitCodeParams, body: StateChangeBody, hide: true },
      config: { errorPage: rerender(() => 'state') },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => changeUnitState(tx, caller, req.params.code, req.body, liveAppointmentsAt));
      return reply.redirect(back(req.params.code, 'state'), 303);
    },
  );
  app.post(
    '/admin/units/:code/milestones',
    {
      schema: { params: UnitCodeParams, body: MilestoneBody, hide: true },
      config: { errorPage: rerender(() => 'milestone') },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const m = await db().transaction((tx) => addRoadmapMilestone(tx, caller, req.params.code, req.body));
      return reply.redirect(back(req.params.code, `m-${m.id}`), 303);
    },
  );
  app.post(
    '/admin/units/:code/milestones/:id',
    {
      schema: { params: MilestonePageParams, body: MilestoneActionBody, hide: true },
      config: { errorPage: rerender((req) => (req.params as { id: string }).id) },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      if (!isMilestoneId(req.params.id)) throw notFound();
      const target = { code: req.params.code, milestoneId: req.params.id };
      await db().transaction((tx) => performMilestoneAction(tx, caller, target, req.body));
      return reply.redirect(back(req.params.code, `m-${req.params.id}`), 303);
    },
  );

  app.get('/admin/units', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'unit.administer');
    const [scope, root] = await Promise.all([actorScope(db(), actor), organisationRoot(db())]);
    const editable = (await listUnits(db())).filter((u) => scope.includes(u.code));
    const manages = new Set(
      editable
        .filter((u) => can(actor, 'unit.manage_post', { unitCode: u.code, parentCode: u.parentCode, root, scope }))
        .map((u) => u.code),
    );
    return reply.page(<UnitsAdminPage ctx={reply.ctx()} units={editable} manages={manages} />);
  });

  app.get('/admin/units/:code/edit', { schema: { params: UnitCodeParams, hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'unit.edit', { unitCode: req.params.code, scope: await actorScope(db(), actor) });
    const { unit, target } = await unitTarget(db(), actor, req.params.code);
    const regencies = await listRegencies(db(), '53');
    return reply.page(
      <UnitForm
        ctx={reply.ctx()}
        unit={unit}
        regencies={regencies}
        manages={can(actor, 'unit.manage_post', target)}
        state={{ values: unitFormValues(unit, req.lang) }}
      />,
    );
  });

  app.post(
    '/admin/units/:code/edit',
    {
      schema: { params: UnitCodeParams, body: UnitFormBody, hide: true },
      config: {
        errorPage: async (req, reply, error, fields) => {
          const { code } = req.params as { code: string };
          const actor = requireActor(req);
          authorize(actor, 'unit.edit', { unitCode: code, scope: await actorScope(db(), actor) });
          const { unit, target } = await unitTarget(db(), actor, code);
          const regencies = await listRegencies(db(), '53');
          return reply.page(
            <UnitForm
              ctx={reply.ctx()}
              unit={unit}
              regencies={regencies}
              manages={can(actor, 'unit.manage_post', target)}
              state={{ values: req.body as Record<string, unknown>, errors: fields }}
            />,
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, 'unit.edit', { unitCode: req.params.code, scope: await actorScope(db(), actor) });
      await db().transaction((tx) => updateUnit(tx, callerOf(req, actor), req.params.code, toUnitChanges(req.body)));
      return reply.redirect(`/units/${encodeURIComponent(req.params.code)}?saved=1`, 303);
    },
  );
}
