import type { FastifyInstance } from 'fastify';
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
  const responses = { 200: TurnJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson };

  app.post(
    '/api/v1/units/:code/waiting-room',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Take a place in the unit’s booking waiting room, or get the place already held (citizens)',
        security: [{ bearer: [] }],
        params: Params,
        response: responses,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'waiting_room.enter');
      const unit = await getUnit(db(), req.params.code);
      return json((await admitOrWait(db(), room, { unitCode: unit.code, accountId: actor.id }, true))!);
    },
  );

  app.get(
    '/api/v1/units/:code/waiting-room',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Your place in the unit’s booking waiting room and, once admitted, a pass (citizens; poll this)',
        security: [{ bearer: [] }],
        params: Params,
        response: responses,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'waiting_room.enter');
      const unit = await getUnit(db(), req.params.code);
      const turn = await admitOrWait(db(), room, { unitCode: unit.code, accountId: actor.id }, false);
      if (!turn) throw new AppError('not_found');
      return json(turn);
    },
  );
}
