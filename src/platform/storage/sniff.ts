export const documentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentMediaType = (typeof documentMediaTypes)[number];

/**
 * What a document upload really is, judged by its content (magic numbers), never by its name or the type the
 * client claims: an HTML page or a program renamed to .png is not an image. Null for anything but JPEG, PNG or PDF.
 */
export async function sniffDocument(bytes: Uint8Array): Promise<DocumentMediaType | null> {
  // Imported on the first upload rather than at start: loading the detector costs tens of milliseconds.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  return documentMediaTypes.find((type) => type === found?.mime) ?? null;
}

export const extensionOf: Record<DocumentMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};
