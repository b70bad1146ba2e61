/**
 * The QR code printed on the village's sheets, drawn on the server as SVG: the agent's phone page stays small (no
 * QR library in its JavaScript), and the address it encodes is the deployment's public one (PUBLIC_URL or the
 * settings page, src/modules/settings), never the address the agent's phone opened the page at.
 */
import QRCode from 'qrcode';
import { progressUrlAt } from '../../domain/papers/public-url.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { publicUrlOf } from '../settings/service.js';

/** The SVG of the case's public progress page, or 404 when no public address is set (the sheet then prints none). */
export async function progressQrSvg(ctx: AppContext, caseNo: string): Promise<string> {
  const { url } = await publicUrlOf(ctx.database.db, ctx.config);
  if (!url) throw notFound('公网地址（未设置 PUBLIC_URL，文书上不印二维码）');
  return QRCode.toString(progressUrlAt(url, caseNo), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}
