import type { Application, ApplicationStatus } from '../applications/schema.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';

/**
 * What a passport step (print, quality check, hand-over) needs from the case workflow that runs it
 * (`cases/perform-case-action.ts`): the application locked in the transaction and the officer holding it. Cases sit
 * above passports, so the steps name what they use and the workflow passes its own, larger context.
 */
export type PassportStepContext = {
  tx: Tx;
  caller: Caller & { actor: Actor };
  application: Application;
  now: Date;
  publicUrl: string;
};

/** The status the case moves to and what its action records; the workflow writes the action and the audit entry. */
export type PassportStepResult = { status: ApplicationStatus; payload: Record<string, unknown> };
