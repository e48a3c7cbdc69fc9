import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can } from './policy.ts';
import type { HomeVisit } from './schema.ts';
import { officerVisitSteps, visitWorkflow, type OfficerVisitStep } from './workflow.ts';

/**
 * The officer's steps on the visit right now, for its page to offer: those its status allows (read from the workflow
 * the use case enforces) and their role runs in the visit's unit. A visit has one application: once one is linked,
 * linking is no longer offered.
 */
export function availableVisitSteps(actor: Actor, visit: HomeVisit, scope: readonly string[]): OfficerVisitStep[] {
  return officerVisitSteps.filter((step) => {
    const rule = visitWorkflow[step];
    return (
      stepAllowed(rule, visit.status) &&
      can(actor, rule.by, { unitCode: visit.unitCode, scope }) &&
      (step !== 'link' || !visit.applicationId)
    );
  });
}

/** Whether the requester may still add evidence: while the request is being handled. */
export const mayAddEvidence = (visit: HomeVisit): boolean => stepAllowed(visitWorkflow.evidence, visit.status);
