import type { FastifyRequest } from 'fastify';
import { authorize } from '../cases/policy.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';

/** An officer allowed to work cases, with the units they may see: what the work queue and search run for. */
export type Caseworker = { actor: Actor; scope: string[] };

/**
 * The work queue is for roles that take cases (the cases policy's 'take'); search for every role that may look at
 * cases ('case.search'). Both are decided on the officer's own unit: filters and results then stay within its scope.
 */
export async function openCasework(
  db: Executor,
  actor: Actor | null,
  action: 'take' | 'case.search',
): Promise<Caseworker> {
  const scope = await actorScope(db, actor);
  authorize(actor, action, { unitCode: actor?.unitCode ?? null, scope });
  return { actor: actor!, scope };
}

export const caseworkerOf = (db: Executor, req: FastifyRequest, action: 'take' | 'case.search') =>
  openCasework(db, requireActor(req), action);
