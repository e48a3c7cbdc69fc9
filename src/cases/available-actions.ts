import type { Application } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { can } from './policy.ts';
import { caseSteps, openCaseStatuses, stepRules, type CaseStep } from './workflow.ts';

export type AvailableActions = { take: boolean; release: boolean; steps: CaseStep[]; heldByMe: boolean };

/**
 * What the officer can do on the case right now, for the case page to offer: take it when free (or held by nobody
 * else), release it when they hold it (a head of office may free anyone's), and the steps its status allows and
 * their role runs, only while they hold it.
 */
export function availableActions(actor: Actor, application: Application, scope: readonly string[]): AvailableActions {
  const target = { unitCode: application.unitCode, scope };
  const open = openCaseStatuses.includes(application.status);
  const heldByMe = application.holderId === actor.id;
  const take = open && !heldByMe && !application.holderId && can(actor, 'take', target);
  const release =
    open && !!application.holderId && (heldByMe || actor.role === 'head_of_office') && can(actor, 'release', target);
  const steps = heldByMe
    ? caseSteps.filter((s) => stepRules[s].from.includes(application.status) && can(actor, s, target))
    : [];
  return { take, release, steps, heldByMe };
}
