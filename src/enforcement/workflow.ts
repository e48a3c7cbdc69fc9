import type { WorkflowStep } from '../platform/workflow/workflow-step.ts';
import type { EnforcementAction } from './policy.ts';
import type { CaseStatus } from './schema.ts';

export const caseSteps = [
  'examine',
  'attachBap',
  'opine',
  'decide',
  'execute',
  'close',
  'closePaid',
  'withdraw',
] as const;
/** The steps a form of fields or the JSON API sends; the BAP's PDF comes as an upload of its own. */
export const fieldSteps = ['examine', 'opine', 'decide', 'execute', 'close', 'closePaid', 'withdraw'] as const;
export type CaseStep = (typeof caseSteps)[number];

/**
 * A case's life as data (shared/domain-oversight.md §4.1): the BAP, the opinion, the head of office's decision (never
 * by the opinion's author), each decided action executed (the case stays decided until the last one is), then
 * closed. A paid overstay charge closes an overstay's case before execution; a case is withdrawn before a decision.
 */
export const caseWorkflow: Record<CaseStep, WorkflowStep<CaseStatus, EnforcementAction>> = {
  examine: { from: ['opened'], to: 'examined', by: 'enforcement.handle', records: 'examined' },
  attachBap: {
    from: ['examined', 'opinion', 'decided', 'executed'],
    by: 'enforcement.handle',
    records: 'bap_attached',
  },
  opine: { from: ['examined'], to: 'opinion', by: 'enforcement.handle', records: 'opinion' },
  decide: { from: ['opinion'], to: 'decided', by: 'enforcement.decide', records: 'decided' },
  execute: { from: ['decided'], by: 'enforcement.handle', records: 'executed' },
  close: { from: ['executed'], to: 'closed', by: 'enforcement.handle', records: 'closed' },
  closePaid: {
    from: ['opened', 'examined', 'opinion', 'decided'],
    to: 'closed_paid',
    by: 'enforcement.handle',
    records: 'closed_paid',
  },
  withdraw: {
    from: ['opened', 'examined', 'opinion'],
    to: 'withdrawn',
    by: 'enforcement.decide',
    records: 'withdrawn',
  },
};

/** The legal basis each action names unless the decision words it otherwise. */
export const defaultBasis = {
  listing: 'UU 6/2011 Pasal 75 ayat (2) huruf a jo. Pasal 102',
  permit: 'UU 6/2011 Pasal 75 ayat (2) huruf b',
  place_ban: 'UU 6/2011 Pasal 75 ayat (2) huruf c',
  residence: 'UU 6/2011 Pasal 75 ayat (2) huruf d',
  charge: 'UU 6/2011 Pasal 75 ayat (2) huruf e jo. Pasal 78',
  deportation: 'UU 6/2011 Pasal 75 ayat (2) huruf f',
} as const;
