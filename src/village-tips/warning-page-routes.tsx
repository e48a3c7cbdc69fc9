import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { unitScope } from '../units/scope.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { warningStepsFor } from './available-actions.ts';
import { WarningActionBody, WarningBody, WarningListQuery } from './inputs.ts';
import { listWarnings, warningForOfficer } from './list-warnings.ts';
import { getWarning, performWarningAction, warningHistory } from './perform-warning-action.ts';
import { authorizeRole, roleMay } from './policy.ts';
import { raiseWarning } from './raise-warning.ts';
import { WarningPage, WarningsPage } from './views/warnings-page.tsx';

const Params = z.object({ id: z.uuid() });

/** The early warnings: the list of the officer's scope, raising one, one warning with a note and closing. */
export function registerWarningPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const listPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'warning.read');
    const { status: filter } = WarningListQuery.parse(req.query ?? {});
    const warnings = await listWarnings(db(), actor, { status: filter }, witaDate());
    return reply.page(
      <WarningsPage
        ctx={reply.ctx()}
        warnings={warnings}
        mayRaise={roleMay(actor, 'warning.manage')}
        state={state}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/officer/desa-binaan/warnings', { schema: { hide: true, querystring: WarningListQuery } }, (req, reply) =>
    listPage(req, reply, {}),
  );

  app.post(
    '/officer/desa-binaan/warnings',
    {
      schema: { hide: true, body: WarningBody },
      config: {
        errorPage: (req, reply, error, fields) => {
          authorizeRole(requireActor(req), 'warning.manage');
          const values = (req.body ?? {}) as Record<string, unknown>;
          return listPage(req, reply, { values, errors: formErrors(req.t, error, fields) }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'warning.manage');
      const { _csrf, ...input } = req.body;
      const warning = await db().transaction((tx) => raiseWarning(tx, callerOf(req, actor), input));
      return reply.redirect(`/officer/desa-binaan/warnings/${warning.id}`, 303);
    },
  );

  const warningPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState & { step?: string },
    status = 200,
  ) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'warning.read');
    const warning = await warningForOfficer(db(), actor, (req.params as { id: string }).id, witaDate());
    const scope = actor.unitCode ? await unitScope(db(), actor.unitCode) : [];
    const steps = warningStepsFor(actor, await getWarning(db(), warning.id), scope);
    return reply.page(
      <WarningPage
        ctx={reply.ctx()}
        warning={warning}
        history={await warningHistory(db(), warning.id)}
        steps={steps}
        state={state}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/officer/desa-binaan/warnings/:id', { schema: { hide: true, params: Params } }, (req, reply) =>
    warningPage(req, reply, {}),
  );

  app.post(
    '/officer/desa-binaan/warnings/:id/actions',
    {
      schema: { hide: true, params: Params, body: WarningActionBody },
      config: {
        errorPage: (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
          authorizeRole(requireActor(req), 'warning.manage');
          const body = (req.body ?? {}) as Record<string, unknown>;
          const state = { step: body.step as string, values: body, errors: formErrors(req.t, error, fields) };
          return warningPage(req, reply, state, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'warning.manage');
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) =>
        performWarningAction(tx, callerOf(req, actor), { warningId: req.params.id, ...input }),
      );
      return reply.redirect(`/officer/desa-binaan/warnings/${req.params.id}`, 303);
    },
  );
}
