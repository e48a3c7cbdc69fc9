import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { requireActor } from '../platform/http/guards.ts';
import { getUnit } from '../units/list-units.ts';
import { admitOrWait, type Turn } from './admit-or-wait.ts';
import { authorize } from './policy.ts';
import type { WaitingRoom } from './room.ts';

const Params = z.object({ code: z.string().min(1).max(40) });
const TurnJson = z.object({
  position: z.number().int().describe('Your place in the unit’s queue (first come, first served)'),
  ahead: z.number().int().describe('People let in before you'),
  estimatedSeconds: z.number().int().describe('Seconds until your turn at the configured admission rate'),
  admitted: z.boolean(),
  active: z.boolean().describe('Whether booking needs a pass right now'),
  pass: z
    .string()
    .nullable()
    .describe('Once admitted: a single-use pass for booking at this unit with this account (a new one per call)'),
  passExpiresAt: z.string().nullable(),
  placeExpiresAt: z.string().describe('After this the place is gone and joining again queues at the end'),
});

/** Polling API for the waiting room: join (POST, idempotent) and read (GET) the account's turn at a unit. */
export function registerWaitingRoomApi(fastify: FastifyInstance, room: WaitingRoom): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const json = (turn: Turn) => ({
    position: turn.standing.place,
    ahead: turn.standing.ahead,
    estimatedSeconds: turn.standing.waitSeconds,
    admitted: turn.standing.admitted,
    active: room.active(),
    pass: turn.pass?.pass ?? null,
    passExpiresAt: turn.pass?.expiresAt.toISOString() ?? null,
    placeExpiresAt: turn.standing.expiresAt.toISOString(),
  });
  const route = (summary: string) => ({
    schema: {
      tags: ['appointments'],
      summary,
      security: [{ bearer: [] }],
      params: Params,
      response: { 200: TurnJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
    },
  });
  /** The signed-in citizen at the unit named (404 for no such unit or one that serves nobody). */
  const waiter = async (req: FastifyRequest, code: string) => {
    const actor = requireActor(req);
    authorize(actor, 'waiting_room.enter');
    return { unitCode: (await getUnit(db(), code)).code, accountId: actor.id };
  };

  app.post(
    '/api/v1/units/:code/waiting-room',
    route('Take a place in the unit’s booking waiting room, or get the place already held (citizens)'),
    async (req) => json((await admitOrWait(db(), room, await waiter(req, req.params.code), true))!),
  );

  app.get(
    '/api/v1/units/:code/waiting-room',
    route('Your place in the unit’s booking waiting room and, once admitted, a pass (citizens; poll this)'),
    async (req) => {
      const turn = await admitOrWait(db(), room, await waiter(req, req.params.code), false);
      if (!turn) throw new AppError('not_found');
      return json(turn);
    },
  );
}
