import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { BorderPassAction } from './policy.ts';
import type { PassStatus } from './schema.ts';

/**
 * The steps on an issued pass. `report_loss` and `revoke` are forms on the pass's page and the API's actions;
 * `renew` and `replace_lost` are taken by issuing the new pass (`issue-border-pass.ts`), which names the old one.
 */
export const passSteps = ['report_loss', 'revoke', 'renew', 'replace_lost'] as const;
export type PassStep = (typeof passSteps)[number];
export const actionSteps = ['report_loss', 'revoke'] as const satisfies readonly PassStep[];
export const replacementSteps = ['renew', 'replace_lost'] as const satisfies readonly PassStep[];
export type ReplacementStep = (typeof replacementSteps)[number];

/**
 * valid → lost (reported) | revoked (with a reason) | replaced (renewed: a new pass replaces it); a lost pass gets a
 * replacement and stays lost. A revoked or replaced pass takes no step.
 */
export const passWorkflow: Record<PassStep, WorkflowStep<PassStatus, BorderPassAction>> = {
  report_loss: { from: ['valid'], to: 'lost', by: 'border_pass.issue', records: 'reported_lost' },
  revoke: { from: ['valid'], to: 'revoked', by: 'border_pass.revoke', records: 'revoked' },
  renew: { from: ['valid'], to: 'replaced', by: 'border_pass.issue', records: 'renewed' },
  replace_lost: { from: ['lost'], by: 'border_pass.issue', records: 'replacement_issued' },
};
