// Every record outside the foreigners register that names a person by `foreigner_id`: lodgings' retention deletes a
// person known only from the stays it deleted once none of these holds. Foreigners sits below the features that keep
// such records, so app.ts hands lodgings this list (and a table that names a person must add its condition here;
// src/lodgings/oversight-jobs.test.ts checks every `foreigner_id` column is covered).
import type { ForeignerReference } from './foreigners/delete-unreferenced-foreigners.ts';
import { hasCrossings } from './border/register.ts';
import { hasDetainees, hasRefugees } from './detention/register.ts';
import { hasEnforcementCases } from './enforcement/register.ts';
import { hasStays } from './lodgings/register.ts';
import { hasOverstays } from './overstays/register.ts';
import { hasApplications } from './permit-services/register.ts';
import { hasPermits } from './stay-permits/register.ts';
import { hasFindings } from './timpora/register.ts';
import { hasBanEntries } from './watchlist/register.ts';

export const foreignerReferences: readonly ForeignerReference[] = [
  hasStays,
  hasPermits,
  hasApplications,
  hasOverstays,
  hasBanEntries,
  hasCrossings,
  hasDetainees,
  hasRefugees,
  hasEnforcementCases,
  hasFindings,
];
