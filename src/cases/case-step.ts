import type { Application, ApplicationStatus } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { ActionBodyOf } from './inputs.ts';
import type { CaseStep } from './workflow.ts';

/** What a step sees: the case locked in the transaction, the officer holding it, and the services it may use. */
export type CaseContext = {
  tx: Tx;
  caller: Caller & { actor: Actor };
  application: Application;
  now: Date;
  storage: Storage;
  /** Where links in mails point, e.g. https://sikoe.imigrasi-ntt.go.id */
  publicUrl: string;
};

/**
 * A step's outcome: the status the case moves to and what the action records (never secrets or photos, only keys).
 * The dispatcher writes the action and the audit entry; the step writes only its own rows (and queues its mail).
 */
export type StepResult = { status: ApplicationStatus; payload?: Record<string, unknown> };
export type StepHandler<T extends CaseStep> = (ctx: CaseContext, input: ActionBodyOf<T>) => Promise<StepResult>;
