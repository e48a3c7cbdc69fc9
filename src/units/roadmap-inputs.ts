import { z } from 'zod';
import { csrfField, isoDateField, requestIdField, requiredText } from '../platform/http/fields.ts';
import { milestoneStatuses, unitStates } from './schema.ts';
import { milestoneSteps, stateSteps } from './workflow.ts';

const optionalNote = z.string().trim().max(1000, 'v.tooLong').optional().default('');
/**
 * A state's or a milestone step's day is from 2000 (no post's state is dated earlier, and a unit with no "since"
 * would otherwise take any year; the future is refused by the use case); a target from 2000 to 2099. A year outside
 * is the field's error, never the database's.
 */
const stepDay = isoDateField.refine((d) => d >= '2000-01-01', 'units.v.yearFrom');
const targetDay = isoDateField.refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'units.v.year');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const StateChangeBody = z.object({
  ...csrfField,
  step: z.enum(stateSteps, { error: 'v.choose' }),
  effectiveOn: stepDay,
  note: requiredText(1000),
  requestId: requestIdField,
});
export type StateChangeInput = z.infer<typeof StateChangeBody>;

/** A milestone is due on a day or within a quarter ("2026-Q3"): one of the two. */
export const MilestoneBody = z
  .object({
    ...csrfField,
    title: requiredText(200),
    targetDate: z.preprocess(blankToUndefined, targetDay.optional()),
    targetQuarter: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^20\d{2}-Q[1-4]$/, 'units.v.quarter')
        .optional(),
    ),
    note: optionalNote,
    requestId: requestIdField,
  })
  .superRefine((v, ctx) => {
    if ((v.targetDate === undefined) === (v.targetQuarter === undefined))
      ctx.addIssue({ code: 'custom', path: ['targetDate'], message: 'units.v.target' });
  });
export type MilestoneInput = z.infer<typeof MilestoneBody>;

export const MilestoneActionBody = z.object({
  ...csrfField,
  step: z.enum(milestoneSteps, { error: 'v.choose' }),
  on: stepDay,
  note: optionalNote,
  requestId: requestIdField,
});
export type MilestoneActionInput = z.infer<typeof MilestoneActionBody>;

export const MilestoneParams = z.object({ code: z.string().min(1).max(40), id: z.uuid() });
/** The page's: a milestone address that names none is not found (404), as any other page's, not bad input. */
export const MilestonePageParams = z.object({ code: z.string().min(1).max(40), id: z.string().max(100) });
export const isMilestoneId = (id: string) => z.uuid().safeParse(id).success;

export const StateChangeJson = z.object({
  step: z.enum(stateSteps),
  from: z.enum(unitStates).nullable(),
  to: z.enum(unitStates),
  effectiveOn: z.string(),
  note: z.string(),
  at: z.string(),
});
export const MilestoneJson = z
  .object({
    id: z.uuid(),
    title: z.string(),
    targetDate: z.string().nullable(),
    targetQuarter: z.string().nullable(),
    status: z.enum(milestoneStatuses),
    doneOn: z.string().nullable(),
    droppedOn: z.string().nullable(),
    /** The planning note. */
    note: z.string(),
    /** What was said when the milestone was reached or dropped ('' while planned). */
    outcomeNote: z.string(),
  })
  .meta({ id: 'RoadmapMilestone' });
export const RoadmapJson = z
  .object({
    code: z.string(),
    state: z.enum(unitStates),
    stateSince: z.string().nullable(),
    history: z.array(StateChangeJson),
    milestones: z.array(MilestoneJson),
  })
  .meta({ id: 'UnitRoadmap' });
