import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { listRegencies } from '../regions/queries.ts';
import { UnitCodeParams } from './inputs.ts';
import { getUnit, listUnits } from './list-units.ts';
import { authorize } from './policy.ts';
import { actorScope } from './scope.ts';
import { UnitForm, unitFormValues } from './views/unit-form.tsx';
import { UnitPage } from './views/unit-page.tsx';
import { UnitsAdminPage } from './views/units-admin.tsx';
import { UnitFormBody, toUnitChanges } from './unit-form-inputs.ts';
import { updateUnit } from './update-unit.ts';

export function registerUnitPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/units/:code', { schema: { params: UnitCodeParams, hide: true } }, async (req, reply) => {
    const unit = await getUnit(db(), req.params.code);
    const all = await listUnits(db());
    return reply.page(
      <UnitPage
        ctx={reply.ctx()}
        unit={unit}
        parent={all.find((u) => u.code === unit.parentCode)}
        children={all.filter((u) => u.parentCode === unit.code)}
      />,
    );
  });

  app.get('/admin/units', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'unit.administer');
    const scope = await actorScope(db(), actor);
    const editable = (await listUnits(db())).filter((u) => scope.includes(u.code));
    return reply.page(<UnitsAdminPage ctx={reply.ctx()} units={editable} />);
  });

  app.get('/admin/units/:code/edit', { schema: { params: UnitCodeParams, hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'unit.edit', { unitCode: req.params.code, scope: await actorScope(db(), actor) });
    const unit = await getUnit(db(), req.params.code);
    const regencies = await listRegencies(db(), '53');
    return reply.page(
      <UnitForm
        ctx={reply.ctx()}
        unit={unit}
        regencies={regencies}
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
          const unit = await getUnit(db(), code);
          const regencies = await listRegencies(db(), '53');
          return reply.page(
            <UnitForm
              ctx={reply.ctx()}
              unit={unit}
              regencies={regencies}
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
