import { isDeepStrictEqual } from 'node:util';
import { AppError } from '../platform/errors.ts';
import type { RecordedAction } from '../platform/workflow/find-action-by-request.ts';

/**
 * A request id already used on this record must ask for what its first copy did (the same step with the same
 * fields), else conflict: answering a different step with the earlier result would tell the client a change was
 * made (a tip closed) when nothing was. The recorded payload also names the status the step moved to, which the
 * request does not carry.
 */
export function assertSameAction(done: RecordedAction, type: string, payload: Record<string, unknown>): void {
  const { status: _status, ...recorded } = done.payload;
  if (done.type !== type || !isDeepStrictEqual(recorded, payload)) throw new AppError('conflict');
}
