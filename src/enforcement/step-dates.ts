import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';

/** A step's date: not after today, nor before the step it follows (a case's record reads in order). */
export function assertDateBetween(field: string, date: IsoDate, earliest: IsoDate | null): void {
  if (date > witaDate()) throw new AppError('validation_failed', { [field]: 'enforcement.v.dateInFuture' });
  if (earliest && date < earliest) throw new AppError('validation_failed', { [field]: 'enforcement.v.dateBeforeStep' });
}
