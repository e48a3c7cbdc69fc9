import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { RevealBody, TipActionBody, TipListQuery } from './inputs.ts';
import { describeTip, listTips, tipForOfficer } from './list-tips.ts';
import { performTipAction } from './perform-tip-action.ts';
import { authorizeRole, roleMay } from './policy.ts';
import { revealTipReporter, type TipReporter } from './reveal-tip-reporter.ts';
import { OfficerTipPage } from './views/officer-tip-page.tsx';
import { OfficerTipsPage } from './views/officer-tips-page.tsx';

const Params = z.object({ id: z.uuid() });

/** The intelligence officers' queue of tips, one tip with its steps, and "show the sender". */
export function registerTipOfficerPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/officer/desa-binaan/tips', { schema: { hide: true, querystring: TipListQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'tip.read');
    const filters = { unitCode: req.query.unit || undefined, status: req.query.status };
    const tips = await listTips(db(), actor, filters, witaDate());
    return reply.page(
      <OfficerTipsPage ctx={reply.ctx()} tips={tips} filters={filters} mayRecord={roleMay(actor, 'tip.record')} />,
    );
  });

  const tipPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: Parameters<typeof OfficerTipPage>[0]['state'],
    status = 200,
    reporter?: TipReporter,
  ) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'tip.read');
    const tip = await tipForOfficer(db(), actor, (req.params as { id: string }).id);
    const details = await describeTip(db(), actor, tip, witaDate());
    // The sender's identity is never kept by a browser or a proxy.
    reply.header('cache-control', 'private, no-store');
    return reply.page(
      <OfficerTipPage
        ctx={reply.ctx()}
        details={details}
        state={state}
        requestId={crypto.randomUUID()}
        reporter={reporter}
      />,
      status,
    );
  };

  app.get('/officer/desa-binaan/tips/:id', { schema: { hide: true, params: Params } }, (req, reply) =>
    tipPage(req, reply, {}),
  );

  const rerender =
    (step?: string) => async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
      authorizeRole(requireActor(req), step === 'reveal' ? 'tip.identity' : 'tip.handle');
      const body = (req.body ?? {}) as Record<string, unknown>;
      const errors = formErrors(req.t, error, fields);
      return tipPage(req, reply, { step: step ?? (body.step as string), values: body, errors }, error.status);
    };

  app.post(
    '/officer/desa-binaan/tips/:id/actions',
    { schema: { hide: true, params: Params, body: TipActionBody }, config: { errorPage: rerender() } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.handle');
      const { _csrf, ...input } = req.body;
      await db().transaction((tx) => performTipAction(tx, callerOf(req, actor), { tipId: req.params.id, ...input }));
      return reply.redirect(`/officer/desa-binaan/tips/${req.params.id}`, 303);
    },
  );

  app.post(
    '/officer/desa-binaan/tips/:id/reporter',
    { schema: { hide: true, params: Params, body: RevealBody }, config: { errorPage: rerender('reveal') } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'tip.identity');
      const reporter = await db().transaction((tx) =>
        revealTipReporter(tx, callerOf(req, actor), { tipId: req.params.id, reason: req.body.reason }),
      );
      return tipPage(req, reply, {}, 200, reporter);
    },
  );
}
