import type { Executor } from '../platform/db/index.ts';

/** A permit as the person's record shows it (stay-permits owns permits). */
export type PermitSummary = {
  id: string;
  type: string;
  permitNumber: string | null;
  validFrom: string;
  validUntil: string;
  status: string;
  unitCode: string;
};
/** A lodging stay as the person's record shows it (lodgings owns stays). */
export type StaySummary = {
  id: string;
  lodgingName: string;
  regencyCode: string;
  checkInAt: Date;
  checkOutAt: Date | null;
};

/**
 * What the features above know of a person, read for the person's record: foreigners may not import them, so
 * app.ts hands these look-ups in (stay-permits' and lodgings' queries).
 */
export type ForeignerRecords = {
  permits: (db: Executor, foreignerId: string) => Promise<PermitSummary[]>;
  stays: (db: Executor, foreignerId: string) => Promise<StaySummary[]>;
};
