import { witaDate } from '../platform/calendar/wita.ts';
import { matchApplicant } from '../watchlist/match-applicant.ts';
import type { StepHandler } from './case-step.ts';

/**
 * The applicant against the prevention list. A hit stops the case: it is rejected and the counter prints the
 * rejection receipt. The history records which entry and how it matched, never the listing's reason, which is
 * for the list's keepers only.
 */
export const checkWatchlist: StepHandler<'watchlist_check'> = async (ctx) => {
  const hit = await matchApplicant(ctx.tx, ctx.application, witaDate(ctx.now));
  if (!hit) return { status: 'watchlist_cleared', payload: { listed: false } };
  return {
    status: 'rejected',
    payload: { listed: true, watchlistEntryId: hit.entry.id, match: hit.match, reasonCategory: 'watchlist' },
  };
};
