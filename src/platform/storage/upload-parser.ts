import { Busboy, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export type UploadedFile = { bytes: Buffer; filename: string | null };

const isUploadedFile = (v: unknown): v is UploadedFile =>
  !!v && typeof v === 'object' && Buffer.isBuffer((v as UploadedFile).bytes);
/** The body field a file arrives in; missing (or an empty file input) reads "choose a file". */
export const uploadedFileField = z
  .custom<UploadedFile>(isUploadedFile, { error: 'v.fileRequired' })
  .meta({ type: 'string', format: 'binary' });

// Field names that must never become keys of the parsed body.
const reserved = new Set(['__proto__', 'constructor', 'prototype']);
// Room for the form's text fields and the multipart framing around the file.
const overhead = 16 * 1024;

/**
 * Parses multipart/form-data into a plain body ({ field: text, file: { bytes, filename } }) for the routes of the
 * scope it is registered in. It parses while the body is read, before validation, so the platform's CSRF check
 * finds `_csrf` in a form sent without JavaScript exactly as in any other form. One file per request unless `files`
 * says more (each in its own field), each at most `maxBytes`; larger is refused (413) as soon as the limit is passed.
 */
export function registerUploadParser(
  scope: FastifyInstance,
  maxBytes: number,
  textFields?: { fields: number; fieldSize: number },
  files = 1,
): void {
  const tooLarge = () => new AppError('payload_too_large', { file: 'v.fileTooLarge' });
  // A form with many or long text fields (an optional third argument) gets room for them besides the file.
  const fieldLimits = textFields ?? { fields: 10, fieldSize: 4096 };
  const room = textFields ? overhead + textFields.fields * textFields.fieldSize : overhead;
  scope.addContentTypeParser('multipart/form-data', (req, payload, done) => {
    if (Number(req.headers['content-length'] ?? 0) > files * maxBytes + room) return done(tooLarge());
    const body: Record<string, unknown> = {};
    let settled = false;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      if (err) {
        payload.unpipe(bb);
        payload.resume();
        done(err);
      } else done(null, body);
    };
    let bb: BusboyInstance;
    try {
      bb = new Busboy({
        headers: req.headers as BusboyHeaders,
        limits: {
          fileSize: maxBytes,
          files,
          fields: fieldLimits.fields,
          fieldSize: fieldLimits.fieldSize,
          parts: fieldLimits.fields + files,
        },
      });
    } catch {
      return done(new AppError('validation_failed', { file: 'v.invalid' }));
    }
    const invalid = () => finish(new AppError('validation_failed', { file: 'v.invalid' }));
    bb.on('field', (name, value) => {
      if (!reserved.has(name)) body[name] = value;
    });
    bb.on('file', (name, stream, filename) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => finish(tooLarge()));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        // A file input left empty still sends a part: no name, no bytes. That is "no file", not an empty file.
        if (!reserved.has(name) && !stream.truncated && (bytes.length > 0 || filename))
          body[name] = { bytes, filename: filename || null };
      });
    });
    bb.on('partsLimit', invalid);
    bb.on('filesLimit', invalid);
    bb.on('fieldsLimit', invalid);
    bb.on('error', invalid);
    bb.on('finish', () => finish(null));
    payload.pipe(bb);
  });
}
