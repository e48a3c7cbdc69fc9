import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfField } from '../platform/http/fields.ts';
import { requireActor } from '../platform/http/guards.ts';
import { nextPath } from '../platform/http/next-path.ts';
import { getUnit } from '../units/list-units.ts';
import { admitOrWait } from './admit-or-wait.ts';
import { authorize } from './policy.ts';
import { waitingRoomPath, type WaitingRoom } from './room.ts';
import { WaitingPage } from './views/waiting-page.tsx';

const Params = z.object({ code: z.string().min(1).max(40) });
const nextField = z.string().max(500).optional();
/** Without a page to come back to, the admitted reader goes to their applications (where booking starts). */
const backTo = (next: string | undefined) => (next ? nextPath(next) : '/applications');

/**
 * The waiting room's page (refreshing itself, no JavaScript needed) and the form that takes a place. Once the turn
 * has come, both send the reader on to `next`, where the booking page gets its pass (admitOrWait).
 */
export function registerWaitingRoomPages(fastify: FastifyInstance, room: WaitingRoom): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const show = async (req: FastifyRequest, reply: FastifyReply, code: string, next: string, join: boolean) => {
    const actor = requireActor(req);
    authorize(actor, 'waiting_room.enter');
    const unit = await getUnit(db(), code);
    const turn = await admitOrWait(db(), room, { unitCode: unit.code, accountId: actor.id }, join);
    if (turn?.standing.admitted && next !== '/applications') return reply.redirect(next, 303);
    if (join) return reply.redirect(waitingRoomPath(unit.code, next), 303);
    return reply
      .header('cache-control', 'no-store')
      .page(<WaitingPage ctx={reply.ctx()} unit={unit} turn={turn} next={next} action={waitingRoomPath(unit.code)} />);
  };

  app.get(
    '/units/:code/waiting-room',
    { schema: { hide: true, params: Params, querystring: z.object({ next: nextField }) } },
    (req, reply) => show(req, reply, req.params.code, backTo(req.query.next), false),
  );

  app.post(
    '/units/:code/waiting-room',
    { schema: { hide: true, params: Params, body: z.object({ ...csrfField, next: nextField }) } },
    (req, reply) => show(req, reply, req.params.code, backTo(req.body.next), true),
  );
}
