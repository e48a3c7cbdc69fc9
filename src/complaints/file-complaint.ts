import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { serverSecret } from '../platform/db/secrets.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sniffDocument } from '../platform/storage/sniff.ts';
import type { Storage } from '../platform/storage/storage.ts';
import type { UploadedFile } from '../platform/storage/upload-parser.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { unitExists } from '../units/unit-exists.ts';
import { hashHolderSecret } from '../platform/auth/holder-secret.ts';
import { complaintSecret, newComplaintCode } from './complaint-secret.ts';
import { VERIFY_WORKING_DAYS, workingDaysAfter } from './deadlines.ts';
import { scheduleEscalationScan } from './escalate-overdue.ts';
import { roleMay } from './policy.ts';
import {
  complaintActions,
  complaintAttachments,
  complaints,
  type Complaint,
  type ComplaintCategory,
  type ComplaintChannel,
  type ComplaintType,
} from './schema.ts';

export const MAX_ATTACHMENTS = 3;

export type ComplaintInput = {
  requestId?: string | null;
  channel?: ComplaintChannel;
  laporReference?: string | null;
  type: ComplaintType;
  category: ComplaintCategory;
  unitCode: string;
  applicationTrackingCode?: string | null;
  description: string;
  anonymous?: boolean;
  reporterName?: string | null;
  reporterEmail?: string | null;
  reporterPhone?: string | null;
  subjectName?: string | null;
  files?: UploadedFile[];
};

const blank = (s: string | null | undefined) => s?.trim() || null;

/** The form's rules that need the database or the files: refused together, as field errors. */
async function checkComplaint(tx: Tx, input: ComplaintInput, channel: NonNullable<ComplaintInput['channel']>) {
  const errors: Record<string, string> = {};
  if (!(await unitExists(tx, input.unitCode))) errors.unitCode = 'v.choose';
  const laporReference = channel === 'lapor' ? blank(input.laporReference) : null;
  if (channel === 'lapor' && !laporReference) errors.laporReference = 'v.required';
  const anonymous = input.anonymous ?? false;
  if (!anonymous && !blank(input.reporterName)) errors.reporterName = 'complaints.v.nameOrAnonymous';
  const files = input.files ?? [];
  if (files.length > MAX_ATTACHMENTS) errors.file = 'complaints.v.tooManyFiles';
  const mediaTypes = await Promise.all(files.map((f) => sniffDocument(f.bytes)));
  if (mediaTypes.some((m) => !m)) errors.file = 'v.fileType';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return { laporReference, anonymous, files, mediaTypes };
}

/** The complaint's first history entry and its audit entry. */
async function recordReceived(tx: Tx, caller: Caller, complaint: Complaint, attachments: number): Promise<void> {
  // Officers are recorded as who typed it in; a web complaint keeps neither account nor address in its history
  // or audit entry, so a whistle-blower cannot be traced through them.
  const recorder: Caller =
    complaint.channel === 'web' ? { actor: null, requestId: caller.requestId, system: 'complaint-form' } : caller;
  await recordWorkflowAction(
    tx,
    recorder,
    {
      history: complaintActions,
      entry: { complaintId: complaint.id },
      record: complaints,
      recordId: complaint.id,
      type: 'received',
      status: 'received',
      payload: { channel: complaint.channel, verifyDueOn: complaint.verifyDueOn, attachments },
    },
    {
      action: 'complaint.received',
      targetType: 'complaint',
      targetId: complaint.id,
      unitCode: complaint.unitCode,
      details: { from: complaint.status, to: 'received' },
    },
  );
}

/**
 * A complaint from anyone, signed in or not, anonymous or named. Only the web channel is open to the public; an
 * officer types in what came by phone, WhatsApp, at the counter or from SP4N-LAPOR! (with LAPOR!'s number).
 * Returns the tracking code and the secret, shown once: only its hash is kept. A resend with the same request id
 * finds the same complaint and, the secret being derived from the request id, gives the same secret back.
 */
export async function fileComplaint(
  tx: Tx,
  caller: Caller,
  input: ComplaintInput,
  storage: Storage,
  now = new Date(),
): Promise<{ trackingCode: string; secret: string; created: boolean }> {
  const channel = input.channel ?? 'web';
  if (channel !== 'web' && !roleMay(caller.actor, 'complaint.record'))
    throw new AppError(caller.actor ? 'forbidden' : 'unauthenticated');
  const requestId = input.requestId || null;
  const secret = complaintSecret(await serverSecret(tx, 'complaints'), requestId);
  if (requestId) {
    const sent = await sentBefore(tx, requestId, input);
    if (sent) return { trackingCode: sent, secret, created: false };
  }

  const { laporReference, anonymous, files, mediaTypes } = await checkComplaint(tx, input, channel);

  const receivedDay = witaDate(now);
  const [complaint] = await tx
    .insert(complaints)
    .values({
      trackingCode: newComplaintCode(),
      secretHash: hashHolderSecret(secret),
      channel,
      type: input.type,
      category: input.category,
      unitCode: input.unitCode,
      applicationTrackingCode: blank(input.applicationTrackingCode)?.toUpperCase() ?? null,
      laporReference,
      description: input.description.trim(),
      subjectName: input.type === 'whistleblowing' ? blank(input.subjectName) : null,
      anonymous,
      reporterName: anonymous ? null : blank(input.reporterName),
      reporterEmail: anonymous ? null : (blank(input.reporterEmail)?.toLowerCase() ?? null),
      reporterPhone: anonymous ? null : blank(input.reporterPhone),
      // A citizen typed in by an officer is not the officer: only the public form links the signed-in account.
      reporterAccountId: !anonymous && channel === 'web' && caller.actor?.kind === 'citizen' ? caller.actor.id : null,
      verifyDueOn: await workingDaysAfter(tx, input.unitCode, receivedDay, VERIFY_WORKING_DAYS),
      requestId,
      receivedAt: now,
    })
    // Two copies of one form racing: the unique request id lets one in; the other finds it.
    .onConflictDoNothing()
    .returning();
  if (!complaint) {
    const sent = requestId && (await sentBefore(tx, requestId, input));
    if (!sent) throw new AppError('conflict');
    return { trackingCode: sent, secret, created: false };
  }

  const stored: string[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const key = `complaints/${complaint.id}/${crypto.randomUUID()}`;
      await storage.put(key, file.bytes, mediaTypes[i]!);
      stored.push(key);
      await tx.insert(complaintAttachments).values({
        complaintId: complaint.id,
        storageKey: key,
        mediaType: mediaTypes[i]!,
        size: file.bytes.length,
        sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
      });
    }
    await recordReceived(tx, caller, complaint, files.length);
    await scheduleEscalationScan(tx);
  } catch (err) {
    await Promise.all(stored.map((key) => storage.delete(key).catch(() => undefined)));
    throw err;
  }
  return { trackingCode: complaint.trackingCode, secret, created: true };
}

/**
 * The complaint an earlier copy of this request made. A request id alone does not open it: the copy must say the
 * same (unit, type, category, description), else someone guessing a careless client's request id would be handed
 * another person's code and secret; a different complaint under a used id is a conflict.
 */
async function sentBefore(tx: Tx, requestId: string, input: ComplaintInput): Promise<string | null> {
  const [sent] = await tx.select().from(complaints).where(eq(complaints.requestId, requestId));
  if (!sent) return null;
  const same =
    sent.unitCode === input.unitCode &&
    sent.type === input.type &&
    sent.category === input.category &&
    sent.description === input.description.trim();
  if (!same) throw new AppError('conflict');
  return sent.trackingCode;
}
