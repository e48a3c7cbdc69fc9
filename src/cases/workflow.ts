import type { ApplicationStatus } from '../applications/schema.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { AppError } from '../platform/errors.ts';

/**
 * The counter's steps, in the order the office runs them. Check-in happens at reception (`src/queue/`), voiding by
 * a job (`src/passports/`); every other step is an action an officer posts on a case they hold.
 */
export const caseSteps = [
  'document_check',
  'watchlist_check',
  'confirm_payment',
  'capture_biometrics',
  'interview',
  'adjudicate',
  'print',
  'quality_check',
  'hand_over',
] as const;
export type CaseStep = (typeof caseSteps)[number];
export const caseActionTypes = ['take', 'release', ...caseSteps] as const;
export type CaseActionType = (typeof caseActionTypes)[number];

const counter = ['counter_officer', 'verifier', 'head_of_office'] as const;
const interviewers = ['verifier', 'adjudicator', 'head_of_office'] as const;
const deciders = ['adjudicator', 'head_of_office'] as const;

type Step = { from: readonly ApplicationStatus[]; roles: readonly OfficerRole[] };

/** Which statuses a step may start from, and who may run it. Where a step ends depends on its outcome. */
export const stepRules: Record<CaseStep, Step> = {
  document_check: { from: ['checked_in', 'documents_incomplete'], roles: counter },
  watchlist_check: { from: ['documents_verified'], roles: counter },
  confirm_payment: { from: ['watchlist_cleared'], roles: counter },
  capture_biometrics: { from: ['payment_confirmed'], roles: counter },
  interview: { from: ['biometrics_captured', 'deferred'], roles: interviewers },
  adjudicate: { from: ['interviewed'], roles: deciders },
  print: { from: ['approved'], roles: counter },
  quality_check: { from: ['printed'], roles: counter },
  hand_over: { from: ['ready'], roles: counter },
};

/** Statuses in which a case is at the office and can be held by an officer. */
export const openCaseStatuses: readonly ApplicationStatus[] = [
  'checked_in',
  'documents_incomplete',
  'documents_verified',
  'watchlist_cleared',
  'payment_confirmed',
  'biometrics_captured',
  'deferred',
  'interviewed',
  'approved',
  'printed',
  'ready',
];

/** Everyone who may take a case: any role that runs some step. */
export const caseRoles: readonly OfficerRole[] = [...new Set(Object.values(stepRules).flatMap((s) => s.roles))];

/**
 * What comes next for a case in this status, and which roles run it, read from stepRules (the same table the use case
 * enforces), so the case page never keeps its own copy of the transitions. Empty when no counter step follows.
 */
export function nextSteps(status: ApplicationStatus): { step: CaseStep; roles: readonly OfficerRole[] }[] {
  return caseSteps
    .filter((step) => stepRules[step].from.includes(status))
    .map((step) => ({ step, roles: stepRules[step].roles }));
}

/** Refuses a step the case's status does not allow, naming the status it is in. */
export function assertStepAllowed(step: CaseStep | 'take' | 'release', status: ApplicationStatus): void {
  const allowed = step === 'take' || step === 'release' ? openCaseStatuses : stepRules[step].from;
  if (!allowed.includes(status)) throw new AppError('invalid_transition', undefined, { step, status });
}
