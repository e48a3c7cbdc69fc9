import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor.ts';
import type { Caller } from '../auth/caller.ts';
import { AppError } from '../errors.ts';

/** The signed-in actor, fully authenticated: an officer has set up the second factor and given it in this session. */
export function requireActor(req: FastifyRequest): Actor {
  const actor = req.actor;
  if (!actor) throw new AppError('unauthenticated');
  if (actor.kind === 'officer' && actor.totpEnabled && !actor.mfaPassed) throw new AppError('mfa_required');
  if (actor.kind === 'officer' && !actor.totpEnabled) throw new AppError('mfa_setup_required');
  return actor;
}

/** The actor when fully signed in, else null (for pages that anyone may see). */
export function optionalActor(req: FastifyRequest): Actor | null {
  try {
    return req.actor ? requireActor(req) : null;
  } catch {
    return null;
  }
}

export function callerOf(req: FastifyRequest, actor: Actor | null = optionalActor(req)): Caller {
  return { actor, ip: req.ip, requestId: req.id };
}
