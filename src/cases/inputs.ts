import { z } from 'zod';
import { familyNameField } from '../applications/inputs.ts';
import { documentKinds } from '../applications/document-kinds.ts';

const reason = z.string().trim().min(3, 'v.reason').max(500, 'v.reason');
/** A client-generated id: resending the same action after a dropped connection changes nothing. */
const requestId = z.string().trim().min(8).max(64).optional();

export const CaseActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('take'), requestId }),
  z.object({ type: z.literal('release'), requestId, reason: reason.optional() }),
  z.object({
    type: z.literal('document_check'),
    requestId,
    documents: z
      .array(z.object({ kind: z.enum(documentKinds), accepted: z.boolean(), reason: reason.optional() }))
      .min(1)
      .refine((docs) => docs.every((d) => d.accepted || d.reason), { message: 'v.reason' }),
  }),
  z.object({ type: z.literal('watchlist_check'), requestId }),
  z.object({ type: z.literal('confirm_payment'), requestId }),
  z.object({
    type: z.literal('capture_biometrics'),
    requestId,
    /** The photo as base64 (JPEG or PNG, recognised by content); the counter page uploads it as a file. */
    photo: z.string().min(16).max(4_000_000),
    fingerprints: z.object({
      device: z.string().trim().min(1).max(100),
      quality: z.number().int().min(0).max(100),
      fingers: z.number().int().min(1).max(10),
    }),
  }),
  z
    .object({
      type: z.literal('interview'),
      requestId,
      checklist: z.object({
        purpose: z.string().trim().min(2).max(200),
        destination: z.string().trim().min(2).max(100),
        sponsor: z.string().trim().max(200).optional(),
        workRecommendation: z.string().trim().max(100).optional(),
        answersConsistent: z.boolean(),
        traffickingIndicators: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
      }),
      outcome: z.enum(['pass', 'defer']),
      /** Why it is deferred, as a code of `GET /api/v1/deferral-reasons` (checked against the active ones). */
      reasonCode: z.string().trim().min(1, 'v.choose').max(64, 'v.choose').optional(),
      /** The officer's note to the applicant, mailed to them; the code is for the office's figures. */
      reason: reason.optional(),
      /**
       * The ids of the open recruiter warnings on the named sponsor the officer read and passes the applicant
       * nonetheless: the first answer is refused with a field error on `sponsor` when a pass names one not shown
       * before, and the note then shows them; a pass is refused until every one of them is named here.
       */
      warningsAcknowledged: z.array(z.uuid()).max(20).optional(),
    })
    .refine((b) => b.outcome === 'pass' || b.reason, { message: 'v.reason', path: ['reason'] })
    .refine((b) => b.outcome === 'pass' || b.reasonCode, { message: 'v.choose', path: ['reasonCode'] }),
  z
    .object({
      type: z.literal('adjudicate'),
      requestId,
      decision: z.enum(['approve', 'reject']),
      reason: reason.optional(),
    })
    .refine((b) => b.decision === 'approve' || b.reason, { message: 'v.reason', path: ['reason'] }),
  z.object({
    type: z.literal('print'),
    requestId,
    /** The family-name part of the name, asked by the officer when the application does not say it ('' for none). */
    familyName: familyNameField.optional(),
  }),
  z
    .object({ type: z.literal('quality_check'), requestId, passed: z.boolean(), reason: reason.optional() })
    .refine((b) => b.passed || b.reason, { message: 'v.reason', path: ['reason'] }),
  z
    .object({
      type: z.literal('hand_over'),
      requestId,
      identityChecked: z.literal(true),
      recipient: z.enum(['applicant', 'proxy']),
      proxy: z
        .object({
          name: z.string().trim().min(2).max(200),
          nik: z.string().regex(/^\d{16}$/, 'v.nik'),
          powerOfAttorneyNumber: z.string().trim().min(1).max(100),
        })
        .optional(),
    })
    .refine((b) => b.recipient === 'applicant' || b.proxy, { message: 'v.required', path: ['proxy'] }),
]);
export type CaseActionBody = z.infer<typeof CaseActionBody>;
export type ActionBodyOf<T extends CaseActionBody['type']> = Extract<CaseActionBody, { type: T }>;

/** A deferral reason's code: lower case, digits and underscores, as the seeded ones (`pmi_non_procedural`). */
export const reasonCodeField = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'cases.reasons.codeFormat');
export const reasonNameField = z.string().trim().min(2, 'v.required').max(200, 'v.tooLong');
const reasonSort = z.number({ error: 'v.number' }).int('v.number').min(0, 'v.number').max(9999, 'v.number');

/** A new deferral reason (admins of the regional office). */
export const NewDeferralReasonBody = z.object({
  code: reasonCodeField,
  nameId: reasonNameField,
  nameEn: reasonNameField,
  nonProcedural: z.boolean().default(false),
  sort: reasonSort.default(0),
});
/**
 * A change to a reason: any of its names, its order, active (retired when false); never its code. At least one of
 * them: an empty change is a mistake to tell the sender of, not an update of nothing.
 */
export const DeferralReasonChangeBody = z
  .object({ nameId: reasonNameField, nameEn: reasonNameField, sort: reasonSort, active: z.boolean() })
  .partial()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'cases.v.nothingToChange' });
