import path from 'node:path';
import type { Config } from '../config.ts';
import { FolderStorage } from './folder-storage.ts';
import { S3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';

/** Where uploads live when no S3 storage is configured. */
export const uploadsFolder = (dataDir: string) => path.join(dataDir, 'uploads');

/** S3-compatible storage when configured, else the folder `<dataDir>/uploads`. */
export function openStorage(config: Pick<Config, 'dataDir' | 's3'>): Storage {
  return config.s3 ? new S3Storage(config.s3) : new FolderStorage(uploadsFolder(config.dataDir));
}
