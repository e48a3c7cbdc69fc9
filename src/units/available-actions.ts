import type { Actor } from '../platform/auth/actor.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { can, type UnitTarget } from './policy.ts';
import type { MilestoneStatus, UnitState } from './schema.ts';
import { milestoneSteps, milestoneWorkflow, stateSteps, stateWorkflow } from './workflow.ts';

/** The state changes the officer may make on the unit now, read from the workflow the use case enforces. */
export const availableStateSteps = (actor: Actor | null, state: UnitState, target: UnitTarget) =>
  stateSteps.filter((s) => stepAllowed(stateWorkflow[s], state) && can(actor, stateWorkflow[s].by, target));

export const availableMilestoneSteps = (actor: Actor | null, status: MilestoneStatus, target: UnitTarget) =>
  milestoneSteps.filter(
    (s) => stepAllowed(milestoneWorkflow[s], status) && can(actor, milestoneWorkflow[s].by, target),
  );
