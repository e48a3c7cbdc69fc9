import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { requireManagedTeam } from './manage-teams.ts';
import { partnerAgencies, timporaMeetings, timporaRecommendations, type TimporaMeeting } from './schema.ts';

export type MeetingInput = {
  teamId: string;
  heldOn: IsoDate;
  place: string;
  agenda: string;
  agenciesPresent: string[];
  notes: string;
  recommendations: { text: string; agencyId: string; dueOn: IsoDate }[];
  requestId?: string | null;
};

/**
 * A team's meeting as the secretary writes it up: who came, what was agreed, and each recommendation with the
 * agency that owns it and its due date (open until followed up). The same officer's resent request id answers with the meeting it made.
 */
export async function recordMeeting(tx: Tx, caller: Caller, input: MeetingInput): Promise<TimporaMeeting> {
  const team = await requireManagedTeam(tx, caller, input.teamId);
  if (input.requestId) {
    const [made] = await tx
      .select()
      .from(timporaMeetings)
      .where(
        and(
          eq(timporaMeetings.teamId, team.id),
          eq(timporaMeetings.recordedBy, caller.actor!.id),
          eq(timporaMeetings.requestId, input.requestId),
        ),
      );
    if (made) return made;
  }
  const named = [...new Set([...input.agenciesPresent, ...input.recommendations.map((r) => r.agencyId)])];
  const known =
    named.length === 0
      ? []
      : await tx.select({ id: partnerAgencies.id }).from(partnerAgencies).where(inArray(partnerAgencies.id, named));
  const knownIds = new Set(known.map((a) => a.id));
  const errors: FieldErrors = {};
  if (input.agenciesPresent.some((id) => !knownIds.has(id))) errors.agenciesPresent = 'v.choose';
  input.recommendations.forEach((r, i) => {
    if (!knownIds.has(r.agencyId)) errors[`recommendations.${i}.agencyId`] = 'v.choose';
    if (r.dueOn < input.heldOn) errors[`recommendations.${i}.dueOn`] = 'timpora.v.dueBeforeMeeting';
  });
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const [meeting] = await tx
    .insert(timporaMeetings)
    .values({
      teamId: team.id,
      heldOn: input.heldOn,
      place: input.place,
      agenda: input.agenda,
      agenciesPresent: input.agenciesPresent,
      notes: input.notes,
      recordedBy: caller.actor?.id ?? null,
      requestId: input.requestId ?? null,
    })
    .returning();
  if (input.recommendations.length > 0)
    await tx
      .insert(timporaRecommendations)
      .values(input.recommendations.map((r) => ({ ...r, meetingId: meeting!.id })));
  await appendAudit(tx, caller, {
    action: 'timpora.meeting.record',
    targetType: 'timpora_meeting',
    targetId: meeting!.id,
    unitCode: team.unitCode,
    details: { teamId: team.id, recommendations: input.recommendations.length },
  });
  return meeting!;
}
