import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { findOfficerDuty, type OfficerDuty } from '../roster/find-officer-duty.ts';
import { actorScope } from '../units/scope.ts';
import { matchApplicant } from '../watchlist/match-applicant.ts';
import { checkResidence, districtOf } from './check-residence.ts';
import { findPassByRequest, findValidPassOfNik, lockBorderPass } from './get-border-pass.ts';
import { newPassNumber, newPassToken } from './pass-number.ts';
import { checkPhotos, storePhotos } from './pass-photos.ts';
import { passRuleOn, passValidUntil } from './pass-rules.ts';
import { performBorderPassAction } from './perform-border-pass-action.ts';
import { authorize } from './policy.ts';
import {
  borderPassActions,
  borderPassRefusals,
  borderPasses,
  type BorderPass,
  type BorderPassRule,
  type IssueChannel,
  type StoredPhoto,
} from './schema.ts';
import { passWorkflow, type ReplacementStep } from './workflow.ts';

export type IssueInput = {
  unitCode: string;
  requestId?: string | null;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: IsoDate;
  sex: 'F' | 'M';
  address: string;
  villageCode: string;
  endorsementNumber: string;
  endorsementDate: IsoDate;
  photos: Buffer[];
  channel: IssueChannel;
  /** A renewal of the holder's valid pass, or the replacement of a lost one. */
  replaces?: { passId: string; step: ReplacementStep } | null;
};
export type IssueResult = { kind: 'issued'; pass: BorderPass; repeated: boolean } | { kind: 'refused' };

/** Every rule of the form that needs the database or the files, refused together as field errors. */
async function checkIssue(tx: Tx, actor: Actor, input: IssueInput, today: IsoDate, scope: string[]) {
  const errors: FieldErrors = await checkResidence(tx, input, today);
  if (input.endorsementDate > today) errors.endorsementDate = 'borderPasses.v.endorsementFuture';
  if (input.birthDate > today) errors.birthDate = 'foreigners.v.birthInFuture';
  const photos = await checkPhotos(input.photos);
  Object.assign(errors, photos.errors);
  let duty: OfficerDuty | null = null;
  if (input.channel === 'outreach') {
    duty = await findOfficerDuty(tx, actor.id, today);
    if (!duty || duty.kind === 'counter') errors.channel = 'borderPasses.v.noOutreachDuty';
  }
  const old = input.replaces ? await lockBorderPass(tx, input.replaces.passId) : null;
  // Another unit's pass is refused before the form's answers could say anything about it.
  if (old) authorize(actor, 'border_pass.issue', { unitCode: old.unitCode, scope });
  // A pass already renewed or revoked says so before anything about the form.
  if (old && input.replaces) assertStepAllowed(passWorkflow, input.replaces.step, old.status);
  const valid = await findValidPassOfNik(tx, input.nik);
  if (old && old.nik !== input.nik) errors.nik = 'borderPasses.v.otherHolder';
  else if (valid && valid.id !== old?.id) errors.nik = 'borderPasses.v.holdsPass';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return { mediaTypes: photos.mediaTypes, duty };
}

/** The prevention list's hit: kept for the head of office with the entry and how it matched, audited; no pass. */
async function recordRefusal(tx: Tx, caller: Caller, input: IssueInput, hit: { entryId: string; match: string }) {
  const [refusal] = await tx
    .insert(borderPassRefusals)
    .values({
      unitCode: input.unitCode,
      nik: input.nik,
      fullName: input.fullName,
      birthDate: input.birthDate,
      watchlistEntryId: hit.entryId,
      match: hit.match,
      refusedBy: caller.actor?.id ?? null,
      requestId: input.requestId ?? null,
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'border_pass.refused',
    targetType: 'border_pass_refusal',
    targetId: refusal!.id,
    unitCode: input.unitCode,
    details: { watchlistEntryId: hit.entryId, match: hit.match },
  });
}

/** The new pass with its photos' keys, its first history entry and the audit entry. */
async function recordPass(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: IssueInput,
  made: {
    id: string;
    photos: StoredPhoto[];
    duty: OfficerDuty | null;
    issuedOn: IsoDate;
    rule: BorderPassRule;
    now: Date;
  },
): Promise<BorderPass> {
  const { id, duty } = made;
  const [pass] = await tx
    .insert(borderPasses)
    .values({
      id,
      number: newPassNumber(input.unitCode),
      token: newPassToken(),
      unitCode: input.unitCode,
      nik: input.nik,
      fullName: input.fullName,
      birthPlace: input.birthPlace,
      birthDate: input.birthDate,
      sex: input.sex,
      address: input.address,
      villageCode: input.villageCode,
      districtCode: districtOf(input.villageCode),
      endorsementNumber: input.endorsementNumber,
      endorsementDate: input.endorsementDate,
      photos: made.photos,
      issuedOn: made.issuedOn,
      validUntil: passValidUntil(made.rule, made.issuedOn),
      channel: input.channel,
      dutyId: duty?.id ?? null,
      outreachRefId: duty?.refId ?? null,
      replacesId: input.replaces?.passId ?? null,
      issuedBy: caller.actor.id,
      requestId: input.requestId ?? null,
      statusAt: made.now,
    })
    .returning();
  const payload = { number: pass!.number, channel: input.channel, replacesId: input.replaces?.passId ?? null };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: borderPassActions,
      entry: { passId: id, toStatus: 'valid' },
      record: borderPasses,
      recordId: id,
      type: 'issued',
      payload,
      requestId: input.requestId,
    },
    {
      action: 'border_pass.issued',
      targetType: 'border_pass',
      targetId: id,
      unitCode: input.unitCode,
      details: payload,
    },
  );
  return pass!;
}

/**
 * Issues a Pas Lintas Batas at the office or on an outreach duty, free of charge: the applicant a resident of a
 * listed kecamatan (NIK and address), the village head's endorsement, two photos (JPEG or PNG by their content), not
 * on the prevention list. A hit records a refusal for the head of office and issues nothing, and the answer says no
 * more than that. A renewal or a lost pass's replacement takes the old pass's step in the same transaction, so a
 * step its status does not allow refuses the whole issuance. A resent request id finds what the first one made.
 */
export async function issueBorderPass(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: IssueInput,
  deps: { storage: Storage; now?: Date },
): Promise<IssueResult> {
  const now = deps.now ?? new Date();
  const today = witaDate(now);
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'border_pass.issue', { unitCode: input.unitCode, scope });
  if (input.requestId) {
    // A resend must be for the same applicant at the same office: a request id alone opens nobody's pass.
    const same = (sent: { unitCode: string; nik: string }) =>
      sent.unitCode === input.unitCode && sent.nik === input.nik;
    const sent = await findPassByRequest(tx, input.requestId);
    const [refused] = await tx
      .select({ unitCode: borderPassRefusals.unitCode, nik: borderPassRefusals.nik })
      .from(borderPassRefusals)
      .where(eq(borderPassRefusals.requestId, input.requestId));
    if (sent && same(sent)) return { kind: 'issued', pass: sent, repeated: true };
    if (refused && same(refused)) return { kind: 'refused' };
    if (sent || refused) throw new AppError('conflict');
  }
  const { mediaTypes, duty } = await checkIssue(tx, caller.actor, input, today, scope);
  const hit = await matchApplicant(tx, input, today);
  if (hit) {
    await recordRefusal(tx, caller, input, { entryId: hit.entry.id, match: hit.match });
    return { kind: 'refused' };
  }
  const id = crypto.randomUUID();
  if (input.replaces)
    await performBorderPassAction(
      tx,
      caller,
      { passId: input.replaces.passId, step: input.replaces.step, requestId: input.requestId, replacementId: id },
      now,
    );
  const rule = await passRuleOn(tx, today);
  return storePhotos(deps.storage, id, input.photos, mediaTypes, async (photos) => {
    const pass = await recordPass(tx, caller, input, { id, photos, duty, issuedOn: today, rule, now });
    return { kind: 'issued', pass, repeated: false };
  });
}
