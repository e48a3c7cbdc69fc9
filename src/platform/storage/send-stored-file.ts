import type { FastifyReply } from 'fastify';
import type { StoredObject } from './storage.ts';

/**
 * Answers with a stored file in the type found when it was uploaded, kept by no browser or proxy cache (people's
 * documents), and with `nosniff` so that no browser takes it for anything else. `inline` is for the images sniffed at
 * upload, which a browser shows and never runs; anything else is a download.
 */
export function sendStoredFile(
  reply: FastifyReply,
  stored: StoredObject,
  options: { filename: string; inline?: boolean },
): FastifyReply {
  return reply
    .type(stored.mediaType)
    .header('content-disposition', `${options.inline ? 'inline' : 'attachment'}; filename="${options.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stored.body);
}
