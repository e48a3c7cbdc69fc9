import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { officerAtUnit } from '../units/officer-at-unit.ts';
import { availablePassSteps } from './available-actions.ts';
import { renderPassCard } from './card-pdf.ts';
import { listUnitPasses } from './get-border-pass.ts';
import { ActionBody, UnitParams, UnitPassesQuery, UnitPassParams } from './inputs.ts';
import { listPassRefusals } from './list-pass-refusals.ts';
import { passVerifyUrl } from './pass-json.ts';
import { passRuleOn } from './pass-rules.ts';
import { performBorderPassAction } from './perform-border-pass-action.ts';
import { authorize, authorizeRole, can, type BorderPassAction } from './policy.ts';
import { viewBorderPass } from './view-border-pass.ts';
import { PassPage } from './views/pass-page.tsx';
import { RefusalsPage } from './views/refusals-page.tsx';
import { UnitPassesPage } from './views/unit-passes-page.tsx';
import { passWorkflow } from './workflow.ts';

type UnitPass = { code: string; id: string };

/** A unit's passes (Indonesian first): the list, one pass with its steps and card, and the prevention list's refusals. */
export function registerBorderPassOfficerPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;
  const officerAt = (req: FastifyRequest, action: BorderPassAction) => officerAtUnit(db(), req, authorize, action);

  app.get(
    '/officer/units/:code/border-passes',
    { schema: { hide: true, params: UnitParams, querystring: UnitPassesQuery } },
    async (req, reply) => {
      const { actor, scope } = await officerAt(req, 'border_pass.view');
      const today = witaDate();
      const [unit, passes, rule] = await Promise.all([
        getUnit(db(), req.params.code),
        listUnitPasses(db(), req.params.code, req.query.q),
        passRuleOn(db(), today),
      ]);
      const target = { unitCode: unit.code, scope };
      return reply.page(
        <UnitPassesPage
          ctx={reply.ctx()}
          unit={unit}
          passes={passes}
          query={req.query.q}
          today={today}
          validityMonths={rule.validityMonths}
          may={{
            issue: can(actor, 'border_pass.issue', target),
            refusals: can(actor, 'border_pass.refusals', target),
          }}
        />,
      );
    },
  );

  app.get(
    '/officer/units/:code/border-passes/refusals',
    { schema: { hide: true, params: UnitParams } },
    async (req, reply) => {
      await officerAt(req, 'border_pass.refusals');
      const rows = await listPassRefusals(db(), req.params.code);
      return reply.page(<RefusalsPage ctx={reply.ctx()} unitCode={req.params.code} rows={rows} />);
    },
  );

  /** The pass, read (and audited) for an officer of its unit; a pass of another unit's address is not found here. */
  const passOf = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'border_pass.view');
    const { code, id } = req.params as UnitPass;
    const view = await db().transaction((tx) => viewBorderPass(tx, callerOf(req, actor), id));
    if (view.pass.unitCode !== code) throw new AppError('not_found');
    return { actor, ...view };
  };

  const passPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState & { step?: string },
    status = 200,
  ) => {
    const { actor, pass, history, place, scope } = await passOf(req);
    return reply.page(
      <PassPage
        ctx={reply.ctx()}
        pass={pass}
        place={place}
        history={history}
        steps={availablePassSteps(actor, pass, scope)}
        today={witaDate()}
        state={state}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/officer/units/:code/border-passes/:id', { schema: { hide: true, params: UnitPassParams } }, (req, reply) =>
    passPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/border-passes/:id/actions',
    {
      schema: { hide: true, params: UnitPassParams, body: ActionBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) => {
          // A refused officer gets the refusal, not the page without the step's form.
          if (error.status === 403) throw error;
          const body = (req.body ?? {}) as Record<string, unknown>;
          const step = typeof body.step === 'string' ? body.step : undefined;
          return passPage(req, reply, { values: body, errors: formErrors(req.t, error, fields), step }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, passWorkflow[req.body.step].by);
      const { step, reason, requestId } = req.body;
      const pass = await db().transaction((tx) =>
        performBorderPassAction(tx, callerOf(req, actor), { passId: req.params.id, step, reason, requestId }),
      );
      return reply.redirect(`/officer/units/${pass.unitCode}/border-passes/${pass.id}`, 303);
    },
  );

  app.get(
    '/officer/units/:code/border-passes/:id/card.pdf',
    { schema: { hide: true, params: UnitPassParams } },
    async (req, reply) => {
      const { pass } = await passOf(req);
      const pdf = await renderPassCard(db(), storage, pass, {
        verifyUrl: passVerifyUrl(config.publicUrl, pass.token),
        t: req.t,
        lang: req.lang,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${pass.number}.pdf"`)
        .send(pdf);
    },
  );
}
