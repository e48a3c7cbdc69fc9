import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { checkKey, type Storage, type StoredObject } from './storage.ts';

type S3Config = NonNullable<Config['s3']>;
// Loaded on first use: the SDK is large, and most installations keep uploads in the data folder.
const sdk = () => import('@aws-sdk/client-s3');

/** Any S3-compatible object store (AWS, MinIO, Ceph, Garage …), addressed path-style: <endpoint>/<bucket>/<key>. */
export class S3Storage implements Storage {
  private client: Promise<S3Client> | undefined;

  constructor(private readonly config: S3Config) {}

  private s3(): Promise<S3Client> {
    this.client ??= sdk().then(
      ({ S3Client }) =>
        new S3Client({
          endpoint: this.config.endpoint,
          region: this.config.region,
          forcePathStyle: true,
          credentials: { accessKeyId: this.config.accessKey, secretAccessKey: this.config.secretKey },
          // Checksums only where S3 demands them: several compatible stores reject the newer checksum headers.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }),
    );
    return this.client;
  }

  async put(key: string, bytes: Buffer, mediaType: string): Promise<void> {
    const { PutObjectCommand } = await sdk();
    await (
      await this.s3()
    ).send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: checkKey(key),
        Body: bytes,
        ContentType: mediaType,
        ContentLength: bytes.length,
      }),
    );
  }

  async get(key: string): Promise<StoredObject> {
    const { GetObjectCommand, NoSuchKey } = await sdk();
    try {
      const out = await (
        await this.s3()
      ).send(new GetObjectCommand({ Bucket: this.config.bucket, Key: checkKey(key) }));
      return { body: out.Body as Readable, mediaType: out.ContentType ?? 'application/octet-stream' };
    } catch (err) {
      if (
        err instanceof NoSuchKey ||
        (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        throw new AppError('not_found');
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const { DeleteObjectCommand } = await sdk();
    await (await this.s3()).send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: checkKey(key) }));
  }
}
