import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { DepartureForm } from './inputs.ts';
import { authorize } from './policy.ts';
import { recordDeparture, type OnDeparture } from './record-departure.ts';
import { DeparturePage } from './views/departure-page.tsx';

/** The officer's page for recording a departure, found by the passport shown. */
export function registerDeparturePages(fastify: FastifyInstance, onDeparture?: OnDeparture): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const page = (req: FastifyRequest, reply: FastifyReply, state: FormState, recorded = false, status = 200) => {
    authorize(requireActor(req), 'foreigner.recordDeparture');
    const sent = state.values?.requestId;
    const requestId = typeof sent === 'string' && sent ? sent : crypto.randomUUID();
    return reply.page(
      <DeparturePage ctx={reply.ctx()} state={state} requestId={requestId} recorded={recorded} />,
      status,
    );
  };

  app.get(
    '/officer/foreigners/departures',
    { schema: { hide: true, querystring: z.object({ recorded: z.literal('1').optional() }) } },
    (req, reply) => page(req, reply, {}, req.query.recorded === '1'),
  );

  app.post(
    '/officer/foreigners/departures',
    {
      schema: { hide: true, body: DepartureForm.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          page(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            false,
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { nationality, documentNumber, birthDate, departedOn, place, requestId } = req.body;
      await db().transaction((tx) =>
        recordDeparture(
          tx,
          caller,
          { who: { nationality, documentNumber, birthDate }, departedOn, place, requestId },
          onDeparture,
        ),
      );
      return reply.redirect('/officer/foreigners/departures?recorded=1', 303);
    },
  );
}
