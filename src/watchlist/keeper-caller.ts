import type { FastifyRequest } from 'fastify';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { authorize, type WatchlistAction } from './policy.ts';
import type { BanList } from './schema.ts';

/** The signed-in keeper of the list, refused before anything is read when they may not do the action. */
export function keeperCaller(req: FastifyRequest, action: WatchlistAction, list: BanList) {
  const actor = requireActor(req);
  authorize(actor, action, list);
  return { ...callerOf(req, actor), actor };
}
