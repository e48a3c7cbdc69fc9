import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { officerAtUnit } from '../units/officer-at-unit.ts';
import { authorize, type AppointmentAction } from './policy.ts';

/** The signed-in officer, allowed to do `action` at the unit named by the route's `:code`. */
export async function officerAt(db: Executor, req: FastifyRequest, action: AppointmentAction): Promise<Actor> {
  return (await officerAtUnit(db, req, authorize, action)).actor;
}
