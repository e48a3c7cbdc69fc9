import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { findVillage } from '../regions/find-village.ts';
import { unitScope } from '../units/scope.ts';
import { nameKey } from '../watchlist/name-key.ts';
import { VILLAGE_CODE } from '../regions/inputs.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  villageTipActions,
  villageTips,
  villageWarningActions,
  villageWarnings,
  type VillageWarning,
  type WarningKind,
} from './schema.ts';
import { lockTip } from './tip-records.ts';

export type WarningInput = {
  kind: WarningKind;
  summary: string;
  requestId?: string | null;
  tipId?: string | null;
  nik?: string | null;
  personName?: string | null;
  birthDate?: string | null;
  recruiterName?: string | null;
  areaCode?: string | null;
  expiresOn?: string | null;
};

const blank = (s: string | null | undefined) => s?.trim() || null;
const isVillageCode = (code: string) => VILLAGE_CODE.test(code);

/**
 * What the warning concerns, by kind: a person by NIK or by name and birth date; a village by its code; a recruiter
 * by name, working a village or a regency (optional: without it, only the name meets applicants who name them).
 */
async function subjectOf(tx: Tx, input: WarningInput, today: string) {
  const errors: FieldErrors = {};
  const nik = blank(input.nik);
  const personName = blank(input.personName);
  const birthDate = blank(input.birthDate);
  const recruiterName = blank(input.recruiterName);
  const areaCode = blank(input.areaCode);
  if (input.expiresOn && input.expiresOn < today) errors.expiresOn = 'villageTips.v.expiresPast';
  if (input.kind === 'person' && !nik && !(personName && birthDate)) errors.nik = 'villageTips.v.personWho';
  if (input.kind === 'village' && !(areaCode && isVillageCode(areaCode))) errors.areaCode = 'v.village';
  else if (input.kind === 'village' && !(await findVillage(tx, areaCode!))) errors.areaCode = 'v.village';
  if (input.kind === 'recruiter' && !recruiterName) errors.recruiterName = 'v.required';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return subjectFields(input);
}

/** The subject's columns as stored: only the kind's own fields, blanks as null. */
function subjectFields(input: WarningInput) {
  const person = input.kind === 'person';
  const recruiter = input.kind === 'recruiter';
  const personName = person ? blank(input.personName) : null;
  const recruiterName = recruiter ? blank(input.recruiterName) : null;
  return {
    nik: person ? blank(input.nik) : null,
    personName,
    personNameKey: personName ? nameKey(personName) : null,
    birthDate: person ? blank(input.birthDate) : null,
    recruiterName,
    recruiterNameKey: recruiterName ? nameKey(recruiterName) : null,
    areaCode: person ? null : blank(input.areaCode),
  };
}

/**
 * An early warning raised by an oversight officer, from a tip of their scope (the warning is then the tip's office's)
 * or from their own knowledge (their own office's). The summary is what the interviewing officer reads; the tip's
 * sender is never part of a warning. A resent request id finds the warning it raised (`sentBefore`).
 */
export async function raiseWarning(
  tx: Tx,
  caller: Caller,
  input: WarningInput,
  now = new Date(),
): Promise<VillageWarning> {
  const actor = caller.actor;
  authorizeRole(actor, 'warning.manage');
  const requestId = input.requestId || null;
  const sent = requestId ? await sentBefore(tx, actor!.id, requestId, input) : null;
  if (sent) return sent;
  const scope = actor!.unitCode ? await unitScope(tx, actor!.unitCode) : [];
  const tip = input.tipId ? await lockTip(tx, input.tipId) : null;
  if (tip) {
    authorize(actor, 'warning.manage', 'tip.read', { unitCode: tip.unitCode, scope });
    if (tip.status === 'closed')
      throw new AppError('invalid_transition', undefined, { step: 'raise', status: 'closed' });
  }
  // Raised directly, a warning is its officer's office's: an account without an office has none to raise it for.
  const unitCode = tip?.unitCode ?? actor!.unitCode;
  if (!unitCode) throw new AppError('forbidden');
  const today = witaDate(now);
  const [warning] = await tx
    .insert(villageWarnings)
    .values({
      unitCode,
      kind: input.kind,
      summary: input.summary.trim(),
      tipId: tip?.id ?? null,
      ...(await subjectOf(tx, input, today)),
      raisedBy: actor!.id,
      raisedAt: now,
      expiresOn: blank(input.expiresOn),
      requestId,
    })
    .returning();
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: villageWarningActions,
      entry: { warningId: warning!.id },
      record: villageWarnings,
      recordId: warning!.id,
      type: 'raised',
      status: 'open',
      payload: { kind: input.kind, ...(tip ? { tipId: tip.id } : {}) },
    },
    {
      action: 'village_warning.raised',
      targetType: 'village_warning',
      targetId: warning!.id,
      unitCode,
      details: { kind: input.kind, fromTip: !!tip },
    },
  );
  if (tip)
    await recordWorkflowAction(tx, caller, {
      history: villageTipActions,
      entry: { tipId: tip.id, public: false },
      record: villageTips,
      recordId: tip.id,
      type: 'warning_raised',
      payload: { warningId: warning!.id },
    });
  return warning!;
}

/**
 * The warning an earlier copy of this request raised. The copy must say the same (kind, summary, tip, subject,
 * expiry), else a careless client reusing a request id would be told a different warning was raised when none was.
 */
async function sentBefore(
  tx: Tx,
  raisedBy: string,
  requestId: string,
  input: WarningInput,
): Promise<VillageWarning | null> {
  const [sent] = await tx
    .select()
    .from(villageWarnings)
    .where(and(eq(villageWarnings.raisedBy, raisedBy), eq(villageWarnings.requestId, requestId)));
  if (!sent) return null;
  const subject = subjectFields(input);
  const same =
    sent.kind === input.kind &&
    sent.summary === input.summary.trim() &&
    sent.tipId === blank(input.tipId) &&
    sent.expiresOn === blank(input.expiresOn) &&
    (Object.keys(subject) as (keyof typeof subject)[]).every((f) => sent[f] === subject[f]);
  if (!same) throw new AppError('conflict');
  return sent;
}
