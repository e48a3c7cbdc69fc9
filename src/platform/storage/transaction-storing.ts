import type { Db, Tx } from '../db/index.ts';
import { enqueueJobs } from '../jobs/enqueue-job.ts';
import { STORAGE_DELETE_JOB } from './delete-job.ts';
import type { Storage } from './storage.ts';

/**
 * Runs `work` in one transaction with a storage that remembers what it stored. Files cannot roll back with the rows
 * that name them, so when the transaction fails after a file was stored (in the use case or at the commit), a delete of
 * each such file is queued outside it; should the database refuse even that, they are deleted at once.
 */
export async function transactionStoring<T>(
  db: Db,
  storage: Storage,
  work: (tx: Tx, storage: Storage) => Promise<T>,
): Promise<T> {
  const stored: string[] = [];
  const remembering: Storage = {
    // Remembered before the put: a put that fails half-way may still have left something.
    put: async (key, bytes, mediaType) => {
      stored.push(key);
      await storage.put(key, bytes, mediaType);
    },
    get: (key) => storage.get(key),
    delete: (key) => storage.delete(key),
  };
  try {
    return await db.transaction((tx) => work(tx, remembering));
  } catch (err) {
    await enqueueJobs(
      db,
      STORAGE_DELETE_JOB,
      stored.map((key) => ({ key })),
    ).catch(() => Promise.all(stored.map((key) => storage.delete(key).catch(() => undefined))));
    throw err;
  }
}
