import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { UnitAction } from './policy.ts';
import type { MilestoneStatus, UnitState } from './schema.ts';

export const stateSteps = ['activate', 'revitalise', 'normalise', 'close', 'replan'] as const;
export type StateStep = (typeof stateSteps)[number];

const refusedAs = { step: 'units.v.notFromState' };

/**
 * A unit's state, as the Kanwil runs its posts: a planned post is opened (activate), a post is revitalised and then
 * normalised, and closed; a closed post is reactivated (activate) or planned again. Opening, closing and reopening
 * are the Kanwil's decisions (unit.decide_state); revitalisation and normalisation are also its parent office's
 * (unit.manage_post).
 */
export const stateWorkflow: Record<StateStep, WorkflowStep<UnitState, UnitAction>> = {
  activate: { from: ['planned', 'closed'], to: 'active', by: 'unit.decide_state', refusedAs },
  revitalise: { from: ['active', 'normalised'], to: 'under_revitalisation', by: 'unit.manage_post', refusedAs },
  normalise: { from: ['under_revitalisation'], to: 'normalised', by: 'unit.manage_post', refusedAs },
  close: {
    from: ['planned', 'active', 'under_revitalisation', 'normalised'],
    to: 'closed',
    by: 'unit.decide_state',
    refusedAs,
  },
  replan: { from: ['closed'], to: 'planned', by: 'unit.decide_state', refusedAs },
};

export const milestoneSteps = ['done', 'drop'] as const;
export type MilestoneStep = (typeof milestoneSteps)[number];

/** A roadmap milestone: planned → done, or dropped (with why); both are final. */
export const milestoneWorkflow: Record<MilestoneStep, WorkflowStep<MilestoneStatus, UnitAction>> = {
  done: { from: ['planned'], to: 'done', by: 'unit.manage_post', refusedAs: { step: 'units.v.milestoneFinal' } },
  drop: {
    from: ['planned'],
    to: 'dropped',
    by: 'unit.manage_post',
    records: 'dropped',
    refusedAs: { step: 'units.v.milestoneFinal' },
  },
};
