import { eq } from 'drizzle-orm';
import { findAdoptedVillagesFor } from '../adopted-villages/find-adopted-villages.ts';
import { isVillageOfficer } from '../adopted-villages/is-village-officer.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { hashHolderSecret, holderSecret, newTrackingCode } from '../platform/auth/holder-secret.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import { serverSecret } from '../platform/db/secrets.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { findVillage } from '../regions/find-village.ts';
import { officeForRegency } from '../units/office-for-regency.ts';
import { unitScope } from '../units/scope.ts';
import { tipDeadlines } from './deadlines.ts';
import { scheduleTipReminders } from './schedule-tip-reminders.ts';
import { can, mayRecordAsPimpasa, roleMay } from './policy.ts';
import { tipReporters, villageTipActions, villageTips, type TipChannel, type TipKind } from './schema.ts';

/** Tips of a village no office covers go to the regional office. */
export const FALLBACK_UNIT = 'KANWIL-NTT';

export type TipInput = {
  requestId?: string | null;
  channel?: TipChannel;
  kind: TipKind;
  villageCode?: string | null;
  description: string;
  subjectName?: string | null;
  anonymous?: boolean;
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterEmail?: string | null;
};

const blank = (s: string | null | undefined) => s?.trim() || null;

/** The office of the village if it is adopted, else the office whose working area holds its regency, else Kanwil. */
export async function officeForVillage(tx: Tx, villageCode: string | null, today: IsoDate): Promise<string> {
  if (!villageCode) return FALLBACK_UNIT;
  const [adopted] = await findAdoptedVillagesFor(tx, { villageCode }, today);
  if (adopted) return adopted.unitCode;
  return (await officeForRegency(tx, villageCode.slice(0, 5))) ?? FALLBACK_UNIT;
}

/**
 * An officer types in a tip a villager told them: a current PIMPASA of the village (whatever their office and role,
 * but never a partner or an auditor), or staff of the office the tip goes to (or of an office above it).
 */
async function authorizeRecording(
  tx: Tx,
  caller: Caller,
  villageCode: string | null,
  unitCode: string,
  today: IsoDate,
) {
  const actor = caller.actor!;
  if (mayRecordAsPimpasa(actor) && villageCode && (await isVillageOfficer(tx, actor.id, villageCode, today))) return;
  const scope = actor.unitCode ? await unitScope(tx, actor.unitCode) : [];
  if (!can(actor, 'tip.record', { unitCode, scope })) throw new AppError('forbidden');
}

/** The form's rules that need the database: refused together, as field errors. */
async function checkTip(tx: Tx, input: TipInput): Promise<{ villageCode: string | null; anonymous: boolean }> {
  const errors: Record<string, string> = {};
  const villageCode = blank(input.villageCode);
  if (villageCode && !(await findVillage(tx, villageCode))) errors.villageCode = 'v.village';
  const anonymous = input.anonymous ?? false;
  if (!anonymous && !blank(input.reporterName)) errors.reporterName = 'villageTips.v.nameOrAnonymous';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return { villageCode, anonymous };
}

/**
 * A question or a tip from anyone, signed in or not, anonymous or named, or typed in by an officer for a villager.
 * Who sent it goes to `tip_reporters` only: the tip, its history and its audit entry never carry it (a web tip's
 * history and audit entry keep neither account nor address). Returns the tracking code and the secret, shown once;
 * a resend with the same request id finds the same tip and, the secret being derived from it, the same secret.
 */
export async function fileTip(
  tx: Tx,
  caller: Caller,
  input: TipInput,
  now = new Date(),
): Promise<{ trackingCode: string; secret: string; created: boolean }> {
  const channel = input.channel ?? 'web';
  // Refused by role before anything else, so that no input and no request id tells an outsider anything; an officer
  // of another role may still be the village's PIMPASA, checked with the village (`authorizeRecording`).
  if (channel === 'village_officer' && !roleMay(caller.actor, 'tip.record') && !mayRecordAsPimpasa(caller.actor))
    throw new AppError(caller.actor ? 'forbidden' : 'unauthenticated');
  const requestId = input.requestId || null;
  const secret = holderSecret(await serverSecret(tx, 'village-tips'), 'village-tip-secret', requestId);
  if (requestId) {
    const sent = await sentBefore(tx, caller, channel, requestId, input);
    if (sent) return { trackingCode: sent, secret, created: false };
  }
  const today = witaDate(now);
  const { villageCode, anonymous } = await checkTip(tx, input);
  const unitCode = await officeForVillage(tx, villageCode, today);
  if (channel === 'village_officer') await authorizeRecording(tx, caller, villageCode, unitCode, today);

  const [tip] = await tx
    .insert(villageTips)
    .values({
      trackingCode: newTrackingCode('DB'),
      secretHash: hashHolderSecret(secret),
      unitCode,
      villageCode,
      kind: input.kind,
      channel,
      description: input.description.trim(),
      subjectName: blank(input.subjectName),
      ...(await tipDeadlines(tx, unitCode, today)),
      requestId,
      receivedAt: now,
    })
    // Two copies of one form racing: the unique request id lets one in; the other finds it.
    .onConflictDoNothing()
    .returning();
  if (!tip) {
    const sent = requestId && (await sentBefore(tx, caller, channel, requestId, input));
    if (!sent) throw new AppError('conflict');
    return { trackingCode: sent, secret, created: false };
  }
  await tx.insert(tipReporters).values({
    tipId: tip.id,
    anonymous,
    name: anonymous ? null : blank(input.reporterName),
    phone: anonymous ? null : blank(input.reporterPhone),
    email: anonymous ? null : (blank(input.reporterEmail)?.toLowerCase() ?? null),
    accountId: !anonymous && channel === 'web' && caller.actor?.kind === 'citizen' ? caller.actor.id : null,
    recordedBy: channel === 'village_officer' ? caller.actor!.id : null,
  });
  const recorder: Caller =
    channel === 'web' ? { actor: null, requestId: caller.requestId, system: 'village-tip-form' } : caller;
  await recordWorkflowAction(
    tx,
    recorder,
    {
      history: villageTipActions,
      entry: { tipId: tip.id },
      record: villageTips,
      recordId: tip.id,
      type: 'received',
      status: 'received',
      payload: { channel, triageDueOn: tip.triageDueOn, closeDueOn: tip.closeDueOn },
    },
    {
      action: 'village_tip.received',
      targetType: 'village_tip',
      targetId: tip.id,
      unitCode,
      details: { channel, kind: tip.kind },
    },
  );
  // The daily reminder scan is started at boot (src/seed.ts) and keeps itself going; a tip also starts it, so a
  // chain that broke since the last boot is mended as soon as there is something to remind of.
  await scheduleTipReminders(tx);
  return { trackingCode: tip.trackingCode, secret, created: true };
}

/**
 * The tip an earlier copy of this request made. The copy must say the same (kind, village, description, whom it is
 * about) and come the same way from the same sender (channel, anonymous or the same name and contacts, the same
 * officer typing it in), else someone reusing a careless client's request id would be handed another person's code
 * and secret.
 */
async function sentBefore(
  tx: Tx,
  caller: Caller,
  channel: TipChannel,
  requestId: string,
  input: TipInput,
): Promise<string | null> {
  const [sent] = await tx
    .select({ tip: villageTips, reporter: tipReporters })
    .from(villageTips)
    .leftJoin(tipReporters, eq(tipReporters.tipId, villageTips.id))
    .where(eq(villageTips.requestId, requestId));
  if (!sent) return null;
  const { tip, reporter } = sent;
  const anonymous = !!input.anonymous;
  const same =
    tip.kind === input.kind &&
    tip.channel === channel &&
    tip.villageCode === blank(input.villageCode) &&
    tip.description === input.description.trim() &&
    tip.subjectName === blank(input.subjectName) &&
    reporter?.anonymous === anonymous &&
    reporter.name === (anonymous ? null : blank(input.reporterName)) &&
    reporter.phone === (anonymous ? null : blank(input.reporterPhone)) &&
    reporter.email === (anonymous ? null : (blank(input.reporterEmail)?.toLowerCase() ?? null)) &&
    reporter.recordedBy === (channel === 'village_officer' ? (caller.actor?.id ?? null) : null);
  if (!same) throw new AppError('conflict');
  return tip.trackingCode;
}
