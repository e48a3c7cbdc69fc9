// QR codes for pages, PDFs and downloads. The qrcode package is loaded on first use, not at every start.
const qrcode = async () => (await import('qrcode')).default;

/** A PNG data URL for an <img>: works without JavaScript and without another request. */
export async function qrDataUrl(text: string, width: number): Promise<string> {
  return (await qrcode()).toDataURL(text, { margin: 1, width });
}

export async function qrPng(text: string, width: number): Promise<Buffer> {
  return (await qrcode()).toBuffer(text, { margin: 1, width });
}

export async function qrSvg(text: string): Promise<string> {
  return (await qrcode()).toString(text, { type: 'svg', margin: 1 });
}
