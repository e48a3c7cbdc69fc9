export const documentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentMediaType = (typeof documentMediaTypes)[number];

/**
 * What a document upload really is, judged by its content (magic numbers), never by its name or the type the
 * client claims: an HTML page or a program renamed to .png is not an image. Null for anything but JPEG, PNG or PDF.
 */
export async function sniffDocument(bytes: Uint8Array): Promise<DocumentMediaType | null> {
  const found = await detectedType(bytes);
  return documentMediaTypes.find((type) => type === found) ?? null;
}

async function detectedType(bytes: Uint8Array): Promise<string | undefined> {
  // Imported on the first upload rather than at start: loading the detector costs tens of milliseconds.
  const { fileTypeFromBuffer } = await import('file-type');
  return (await fileTypeFromBuffer(bytes))?.mime;
}

export const extensionOf: Record<DocumentMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** The still images a phone's camera saves: JPEG, PNG (screenshots), WebP and HEIC/HEIF (iPhones, newer Androids). */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] as const;
export type PhotoMediaType = (typeof photoMediaTypes)[number];

/** A photo's type judged by its content, as `sniffDocument` judges documents; null for anything else (PDF included). */
export async function sniffPhoto(bytes: Uint8Array): Promise<PhotoMediaType | null> {
  const found = await detectedType(bytes);
  return photoMediaTypes.find((type) => type === found) ?? null;
}

export const photoExtensionOf: Record<PhotoMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};
