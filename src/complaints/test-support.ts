// Helpers shared by the complaint tests (not loaded by the application).
import { eq } from 'drizzle-orm';
import type { Config } from '../platform/config.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/index.ts';
import { openStorage } from '../platform/storage/open-storage.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { fileComplaint, type ComplaintInput } from './file-complaint.ts';
import { performComplaintAction, type ComplaintActionInput } from './perform-complaint-action.ts';
import { complaints } from './schema.ts';

export const publicUrl = 'http://sikoe.test';

/** A complaint filed through the use case (web, named), returned as stored with its secret. */
export async function makeComplaint(
  db: Db,
  config: Pick<Config, 'dataDir' | 's3'>,
  overrides: Partial<ComplaintInput> & { unitCode: string },
  now?: Date,
) {
  const input: ComplaintInput = {
    type: 'complaint',
    category: 'undue_delay',
    description: 'Paspor saya belum selesai setelah tiga minggu.',
    reporterName: 'Yosefina Lake',
    reporterEmail: 'yosefina@example.org',
    reporterPhone: '081200001111',
    ...overrides,
  };
  const { trackingCode, secret } = await db.transaction((tx) =>
    fileComplaint(tx, systemCaller('test'), input, openStorage(config), now),
  );
  const [complaint] = await db.select().from(complaints).where(eq(complaints.trackingCode, trackingCode));
  return { complaint: complaint!, secret };
}

/** One officer step through the use case. */
export function act(db: Db, officer: Account, input: ComplaintActionInput, now?: Date) {
  return db.transaction((tx) =>
    performComplaintAction(tx, { ...systemCaller('test'), actor: officerActor(officer) }, input, { publicUrl, now }),
  );
}
