import type { Actor } from '../platform/auth/actor.ts';
import type { Executor } from '../platform/db/index.ts';
import { stepAllowed } from '../platform/workflow/workflow-step.ts';
import { mayReopen } from './follow-complaint.ts';
import { can } from './policy.ts';
import type { Complaint } from './schema.ts';
import { complaintSteps, workflow, type ComplaintStep } from './workflow.ts';

/**
 * The officer's steps on the complaint right now, for its page to offer: those its status allows, read from the
 * workflow the use case enforces, and none unless they may handle it.
 */
export function officerSteps(actor: Actor, complaint: Complaint, scope: readonly string[]): ComplaintStep[] {
  if (!can(actor, 'complaint.handle', complaint, scope)) return [];
  return complaintSteps.filter((step) => stepAllowed(workflow[step], complaint.status));
}

/** What the holder of the secret may do now: reopen (in time) an answered or closed complaint, rate a closed one once. */
export async function holderActions(
  db: Executor,
  complaint: Complaint,
  now = new Date(),
): Promise<{ reopen: boolean; rate: boolean }> {
  return {
    reopen: stepAllowed(workflow.reopen, complaint.status) && (await mayReopen(db, complaint, now)),
    rate: stepAllowed(workflow.rate, complaint.status) && complaint.satisfaction === null,
  };
}
