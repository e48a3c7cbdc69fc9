import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { DetentionAction } from './policy.ts';
import type { DetaineeStatus, RefugeeStatus } from './schema.ts';

/** A detainee's steps after placement, each a form on the detainee's page. */
export const detaineeSteps = [
  'move',
  'property_in',
  'property_out',
  'health_check',
  'visit',
  'leave',
  'return',
  'review',
  'transfer',
  'release',
] as const;
export type DetaineeStep = (typeof detaineeSteps)[number];

const held: DetaineeStatus[] = ['detained', 'on_leave'];

/**
 * detained ⇄ on_leave (temporary leave and return) → released (release, or transfer to another place). Custody steps
 * are the bed's unit's, decisions the authority's (policy.ts).
 */
export const detaineeWorkflow: Record<DetaineeStep, WorkflowStep<DetaineeStatus, DetentionAction>> = {
  move: { from: held, by: 'detention.custody' },
  property_in: { from: held, by: 'detention.custody' },
  property_out: { from: held, by: 'detention.custody' },
  health_check: { from: ['detained'], by: 'detention.health' },
  visit: { from: ['detained'], by: 'detention.custody' },
  leave: { from: ['detained'], to: 'on_leave', by: 'detention.authority' },
  return: { from: ['on_leave'], to: 'detained', by: 'detention.custody' },
  review: { from: held, by: 'detention.authority' },
  transfer: { from: held, to: 'released', by: 'detention.release' },
  release: { from: held, to: 'released', by: 'detention.release' },
};

export const refugeeSteps = ['report', 'resettle', 'voluntary_return', 'detain', 'decease', 'abscond'] as const;
export type RefugeeStep = (typeof refugeeSteps)[number];

/** under_oversight → one of the ends; the monthly report keeps the status. */
export const refugeeWorkflow: Record<RefugeeStep, WorkflowStep<RefugeeStatus, DetentionAction>> = {
  report: { from: ['under_oversight'], by: 'refugee.act' },
  resettle: { from: ['under_oversight'], to: 'resettled', by: 'refugee.act' },
  voluntary_return: { from: ['under_oversight'], to: 'voluntary_return', by: 'refugee.act' },
  detain: { from: ['under_oversight'], to: 'detained', by: 'refugee.act' },
  decease: { from: ['under_oversight'], to: 'deceased', by: 'refugee.act' },
  abscond: { from: ['under_oversight'], to: 'absconded', by: 'refugee.act' },
};
