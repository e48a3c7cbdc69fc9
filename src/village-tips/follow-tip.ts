import { eq } from 'drizzle-orm';
import { normaliseTrackingCode, secretMatches } from '../platform/auth/holder-secret.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { villageTips, type VillageTip } from './schema.ts';
import { entryText, tipHistory } from './tip-records.ts';

export type FollowedTip = Pick<VillageTip, 'trackingCode' | 'kind' | 'status' | 'unitCode' | 'receivedAt'> & {
  answers: { at: Date; text: string }[];
};

/**
 * The tip whose code and secret are given, for its sender. An unknown code and a wrong secret are refused alike
 * (not_found), after the same hash comparison, so neither answer nor timing tells whether a code exists.
 */
export async function tipOfHolder(db: Executor, trackingCode: string, secret: string): Promise<VillageTip> {
  const [tip] = await db
    .select()
    .from(villageTips)
    .where(eq(villageTips.trackingCode, normaliseTrackingCode(trackingCode)));
  if (!secretMatches(secret, tip?.secretHash ?? null)) throw new AppError('not_found');
  return tip!;
}

/**
 * Its status and the public answers, oldest first; not the outcome (a hand-over to the police is not the sender's
 * to know, nor anyone's who got hold of the secret).
 */
export async function followTip(db: Executor, tip: VillageTip): Promise<FollowedTip> {
  const history = await tipHistory(db, tip.id);
  return {
    trackingCode: tip.trackingCode,
    kind: tip.kind,
    status: tip.status,
    unitCode: tip.unitCode,
    receivedAt: tip.receivedAt,
    answers: history.filter((h) => h.public).map((h) => ({ at: h.at, text: entryText(h) })),
  };
}
