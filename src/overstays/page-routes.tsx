import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { availableProposalSteps } from './available-actions.ts';
import { AcknowledgeForm, OverstayFilter, ProposalParams } from './inputs.ts';
import { listOverstays } from './list-overstays.ts';
import { performProposalAction } from './perform-proposal-action.ts';
import type { OverstayStatus } from './schema.ts';
import { OverstaysPage } from './views/overstays-page.tsx';

type Filter = { status?: OverstayStatus; unit?: string };

/** The unit's overstays page and the head of office's acknowledgement of a proposal. */
export function registerOverstayPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const page = async (req: FastifyRequest, reply: FastifyReply, filter: Filter, errors?: Record<string, string>) => {
    const actor = requireActor(req);
    const caller = callerOf(req, actor);
    const { rows, scope } = await db().transaction((tx) =>
      listOverstays(tx, caller, { status: filter.status, unitCode: filter.unit }),
    );
    const items = rows.map((r) => ({
      ...r,
      steps: r.proposal ? availableProposalSteps(actor, r.proposal, scope) : [],
    }));
    return reply.page(
      <OverstaysPage
        ctx={reply.ctx()}
        rows={items}
        scope={scope}
        filter={filter}
        requestId={crypto.randomUUID()}
        errors={errors}
      />,
      errors ? 409 : 200,
    );
  };

  app.get('/officer/overstays', { schema: { hide: true, querystring: OverstayFilter } }, (req, reply) =>
    page(req, reply, req.query),
  );

  app.post(
    '/officer/overstays/proposals/:id/acknowledge',
    {
      schema: { hide: true, params: ProposalParams, body: AcknowledgeForm.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          error.status === 409 ? page(req, reply, {}, formErrors(req.t, error, fields)) : Promise.reject(error),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) =>
        performProposalAction(tx, caller, {
          proposalId: req.params.id,
          step: 'acknowledge',
          requestId: req.body.requestId,
        }),
      );
      return reply.redirect('/officer/overstays?status=proposed', 303);
    },
  );
}
