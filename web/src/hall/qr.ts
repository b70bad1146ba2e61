/**
 * A QR code as a data: URL (the paper ticket's live position link). The QR library loads only when a ticket is
 * printed, so the display screen and the phone pages never carry it. Null when there is no address to encode or
 * the library failed: the ticket then prints the way to ask at the counter instead.
 */
export async function qrDataUrl(url: string | null): Promise<string | null> {
  if (!url) return null;
  try {
    const { default: QRCode } = await import('qrcode');
    return await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  } catch {
    return null;
  }
}
