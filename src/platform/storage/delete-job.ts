import type { JobRunner } from '../jobs/runner.ts';
import type { Storage } from './storage.ts';

/** Deleting a stored file is queued in the transaction that stops referring to it, so it happens only on commit. */
export const STORAGE_DELETE_JOB = 'storage.delete';

export function registerStorageJobs(jobs: JobRunner, storage: Storage): void {
  jobs.register(STORAGE_DELETE_JOB, async (payload) => storage.delete(String(payload.key)));
}
