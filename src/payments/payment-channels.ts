import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { paymentChannelKinds, paymentChannels, type PaymentChannel, type PaymentChannelKind } from './schema.ts';

export type ChannelGroup = { kind: PaymentChannelKind; channels: PaymentChannel[] };

/** The active channels, grouped by kind in a fixed order (counter first, apps last), each kind in its own order. */
export async function paymentChannelGroups(db: Executor): Promise<ChannelGroup[]> {
  const rows = await db
    .select()
    .from(paymentChannels)
    .where(eq(paymentChannels.active, true))
    .orderBy(asc(paymentChannels.sortOrder), asc(paymentChannels.code));
  return paymentChannelKinds
    .map((kind) => ({ kind, channels: rows.filter((r) => r.kind === kind) }))
    .filter((g) => g.channels.length > 0);
}
