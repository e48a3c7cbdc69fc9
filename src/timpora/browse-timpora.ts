import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { listTeams, type TeamWithMembers } from './list-teams.ts';
import { authorizeRole, roleMay } from './policy.ts';
import type { TimporaMeeting, TimporaOperation } from './schema.ts';
import { timporaViewer, type TimporaViewer } from './timpora-viewer.ts';
import { listMeetingsOfTeams } from './view-meeting.ts';
import { listOperations } from './view-operation.ts';

export type TimporaOverview = {
  viewer: TimporaViewer;
  teams: TeamWithMembers[];
  meetings: TimporaMeeting[];
  operations: TimporaOperation[];
};

/**
 * What the reader may see of Timpora: the teams (an officer's unit scope, a partner's own), their meetings, and the
 * operations (only for readers of operations). A partner's every read is in the audit trail.
 */
export async function browseTimpora(tx: Tx, caller: Caller): Promise<TimporaOverview> {
  authorizeRole(caller.actor, 'timpora.read');
  const viewer = await timporaViewer(tx, caller.actor!);
  const teams = await listTeams(tx, viewer);
  const meetings = await listMeetingsOfTeams(
    tx,
    teams.map((t) => t.id),
  );
  const operations = roleMay(caller.actor, 'timpora.view_operation') ? await listOperations(tx, viewer) : [];
  if (viewer.partner)
    await appendAudit(tx, caller, {
      action: 'timpora.partner.browse',
      details: { agencyId: viewer.partner.agencyId, teams: teams.length, operations: operations.length },
    });
  return { viewer, teams, meetings, operations };
}

/** The operations the reader may see, for the API's list; a partner's read is in the audit trail. */
export async function browseOperations(tx: Tx, caller: Caller): Promise<TimporaOperation[]> {
  authorizeRole(caller.actor, 'timpora.view_operation');
  const viewer = await timporaViewer(tx, caller.actor!);
  const operations = await listOperations(tx, viewer);
  if (viewer.partner)
    await appendAudit(tx, caller, {
      action: 'timpora.partner.browse',
      details: { agencyId: viewer.partner.agencyId, operations: operations.length },
    });
  return operations;
}
