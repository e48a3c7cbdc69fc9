import { z } from 'zod';
import { figureCodes } from '../dashboard/figures.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { blankAsMissing, formText, requestIdField, requiredText } from '../platform/http/fields.ts';
import { uploadedFileField } from '../platform/storage/upload-parser.ts';
import { EVIDENCE_MAX_BYTES } from './add-evidence.ts';
import { directions, evaluationStatuses, measures, periods, ziAreas } from './schema.ts';
import { targetField, type TargetInput } from './targets.ts';
import { evaluationSteps } from './workflow.ts';

export const IdParams = z.object({ id: z.uuid() });
const unitCode = z.string().trim().min(1, 'v.required').max(40, 'v.invalid');
export const UnitParams = z.object({ id: z.uuid(), unitCode });
export const EvidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
const year = z.coerce.number({ error: 'v.invalid' }).int('v.invalid').min(2000, 'v.invalid').max(2100, 'v.invalid');
const half = z.union([z.literal(1), z.literal(2)], { error: 'v.invalid' });
const notes = z.string().trim().max(8000, 'v.tooLong');
const evidenceTitle = requiredText(200);

export const TargetsQuery = z.object({ unitCode: unitCode.optional(), year: year.optional() });
export const TargetsBody = z.object({
  unitCode,
  year,
  targets: z
    .array(
      z.object({
        indicatorCode: z.string().trim().min(1).max(60),
        target: z.number().min(0, 'v.invalid').max(1e15, 'v.invalid').nullable(),
      }),
    )
    .max(500, 'v.tooLong'),
});
/** The page's form: one text field per indicator (`target_<code>`), read by `targetsFromForm`. */
export const TargetsPageBody = z
  .object({ _csrf: z.string().optional(), unitCode, year })
  .catchall(z.string().max(40, 'v.tooLong'));

/** A number as officers type it: "1500", "1.500" (dots grouping thousands), "92,5" or "92.5"; empty means no target. */
export function targetsFromForm(body: Record<string, unknown>, codes: string[]): TargetInput[] {
  const errors: FieldErrors = {};
  const targets = codes.map((indicatorCode): TargetInput => {
    const typed = formText(body[targetField(indicatorCode)]).replace(/\s/g, '');
    const raw = (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(typed) ? typed.replaceAll('.', '') : typed).replace(',', '.');
    if (raw === '') return { indicatorCode, target: null };
    if (!/^\d{1,15}(\.\d{1,4})?$/.test(raw)) errors[targetField(indicatorCode)] = 'performance.v.number';
    return { indicatorCode, target: Number(raw) };
  });
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  return targets;
}

export const OpenBody = z.object({ year, half: z.coerce.number().pipe(half), requestId: requestIdField });
export const ActionBody = z.object({
  step: z.enum(evaluationSteps, { error: 'v.invalid' }),
  requestId: requestIdField,
});
export const NotesBody = z.object({ notes, requestId: requestIdField });
const ziArea = z.enum(ziAreas, { error: 'v.invalid' });
export const EvidencePageBody = z.object({
  _csrf: z.string().optional(),
  ziArea,
  title: evidenceTitle,
  file: uploadedFileField,
  requestId: requestIdField,
});
// Whitespace goes first and the check after is linear, as for Timpora's photos.
const base64File = z
  .string()
  .max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 100, 'v.fileTooLarge')
  .transform((s) => s.replace(/^data:[a-z/+.-]+;base64,/, '').replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'v.fileRequired')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'v.fileType'),
  )
  .transform((s) => Buffer.from(s, 'base64'));
export const EvidenceApiBody = z.object({
  ziArea,
  title: evidenceTitle,
  file: base64File.describe('The document, base64: PDF, JPEG or PNG'),
  requestId: requestIdField,
});
export const EVIDENCE_API_BODY_LIMIT = Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024;

export const IndicatorJson = z.object({
  code: z.string(),
  figureCode: z.enum(figureCodes),
  denominatorCode: z.enum(figureCodes).nullable(),
  measure: z.enum(measures),
  direction: z.enum(directions),
  period: z.enum(periods),
  ziArea: z.enum(ziAreas),
  nameId: z.string(),
  nameEn: z.string(),
  descriptionId: z.string(),
  descriptionEn: z.string(),
});
const figure = z.enum(figureCodes, { error: 'v.invalid' });
export const IndicatorCodeParams = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,39}$/, 'performance.v.code'),
});
export const IndicatorQuery = z.object({ code: IndicatorCodeParams.shape.code.optional() });
/** An indicator as the API sends it; the code is the path's. */
export const IndicatorBody = z.object({
  figureCode: figure,
  denominatorCode: figure.nullable().default(null),
  measure: z.enum(measures, { error: 'v.invalid' }),
  direction: z.enum(directions, { error: 'v.invalid' }),
  period: z.enum(periods, { error: 'v.invalid' }),
  ziArea: z.enum(ziAreas, { error: 'v.invalid' }),
  nameId: requiredText(200),
  nameEn: requiredText(200),
  descriptionId: z.string().trim().max(1000, 'v.tooLong').default(''),
  descriptionEn: z.string().trim().max(1000, 'v.tooLong').default(''),
  active: z.boolean().default(true),
  position: z.number().int().min(0).max(100000).optional(),
});
/** The page's form: the same with the code, a blank denominator for none and a checkbox for active. */
export const IndicatorPageBody = IndicatorBody.extend({
  _csrf: z.string().optional(),
  code: IndicatorCodeParams.shape.code,
  denominatorCode: blankAsMissing(figure).transform((v) => v ?? null),
  active: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  position: blankAsMissing(
    z.coerce.number({ error: 'v.invalid' }).int('v.invalid').min(0, 'v.invalid').max(100000, 'v.invalid'),
  ),
});
export const ActiveIndicatorJson = IndicatorJson.extend({ active: z.boolean() });
export const TargetsJson = z.object({
  unitCode: z.string(),
  year: z.number(),
  targets: z.array(z.object({ indicatorCode: z.string(), target: z.number() })),
});
export const EvaluationJson = z.object({
  id: z.string(),
  year: z.number(),
  half: z.number(),
  status: z.enum(evaluationStatuses),
  openedAt: z.date(),
  frozenAt: z.date().nullable(),
});
const RowJson = z.object({
  indicatorCode: z.string(),
  from: z.string(),
  to: z.string(),
  result: z.number().nullable(),
  yearTarget: z.number().nullable(),
  target: z.number().nullable(),
  achievement: z.number().nullable(),
});
export const EvaluationDetailJson = EvaluationJson.extend({
  draft: z.boolean(),
  unitCount: z.number(),
  catalogue: z.array(IndicatorJson),
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      notes: z.string(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      rows: z.array(RowJson),
      evidence: z.array(
        z.object({ id: z.string(), ziArea: z.enum(ziAreas), title: z.string(), mediaType: z.string() }),
      ),
    }),
  ),
});
