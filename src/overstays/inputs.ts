import { z } from 'zod';
import { blankAsMissing, requestIdField } from '../platform/http/fields.ts';
import { overstayStatuses, proposalReasons, proposalStatuses } from './schema.ts';

// A page form's select sends empty text for "all": that is "not given".

export const OverstayFilter = z.object({
  status: blankAsMissing(z.enum(overstayStatuses, { error: 'v.choose' })).describe('open, paid, proposed or cancelled'),
  unit: blankAsMissing(z.string().trim().max(40, 'v.tooLong')).describe('A unit code in the officer’s scope'),
});

export const ProposalParams = z.object({ id: z.uuid() });
export const AcknowledgeForm = z.object({ requestId: requestIdField });

const ProposalJson = z.object({
  id: z.string(),
  reason: z.enum(proposalReasons),
  status: z.enum(proposalStatuses),
  proposedOn: z.string(),
  acknowledgedAt: z.date().nullable(),
});
export const OverstayJson = z.object({
  id: z.string(),
  permitId: z.string(),
  foreignerId: z.string(),
  person: z.object({ surname: z.string(), givenNames: z.string(), nationality: z.string() }).nullable(),
  unitCode: z.string(),
  startedOn: z
    .string()
    .describe('The overstay’s first day over (the day after the permit’s last): the limit of days counts from it'),
  firstDay: z
    .string()
    .describe('The first day this period charges: the first day over, or the day after a paid period’s last'),
  lastDay: z.string().describe('The last day counted: today, or the departure day'),
  days: z.number().int().describe('This period’s days'),
  dailyRate: z.number().int(),
  amount: z.number().int(),
  status: z.enum(overstayStatuses),
  departedOn: z.string().nullable(),
  billingCode: z.string().nullable(),
  billingExpiresAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  proposal: ProposalJson.nullable(),
});
export const OverstayListJson = z.array(OverstayJson);
