import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { writeWhole } from './write-whole.ts';
import { AppError } from '../errors.ts';
import { checkKey, type Storage, type StoredObject } from './storage.ts';

/** Files under a folder; the media type is kept beside each file in "<file>.type". */
export class FolderStorage implements Storage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, bytes: Buffer, mediaType: string): Promise<void> {
    const file = this.file(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await writeWhole(`${file}.type`, mediaType);
    await writeWhole(file, bytes);
  }

  async get(key: string): Promise<StoredObject> {
    const file = this.file(key);
    let mediaType: string;
    try {
      mediaType = await fsp.readFile(`${file}.type`, 'utf8');
      await fsp.access(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found');
      throw err;
    }
    return { body: fs.createReadStream(file), mediaType };
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await fsp.rm(file, { force: true });
    await fsp.rm(`${file}.type`, { force: true });
  }
}
