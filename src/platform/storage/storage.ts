import type { Readable } from 'node:stream';

export type StoredObject = { body: Readable; mediaType: string };

/**
 * Where uploaded files live. Keys are made by the application (never taken from an uploader), e.g.
 * "applications/<id>/<uuid>"; nothing stored here is ever served directly, only through authorised routes.
 */
export interface Storage {
  put(key: string, bytes: Buffer, mediaType: string): Promise<void>;
  /** Throws AppError('not_found') when there is no such object. */
  get(key: string): Promise<StoredObject>;
  /** Deleting what is not there is not an error: a retried clean-up must succeed. */
  delete(key: string): Promise<void>;
}

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*(\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

/** Refuses keys that could leave the storage root or mean different things to a folder and to S3. */
export function checkKey(key: string): string {
  if (!keyPattern.test(key) || key.length > 300) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  return key;
}
