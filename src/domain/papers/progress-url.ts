/**
 * The public progress page of a case at the deployment's public address (the QR code on every paper). Its own
 * module: the agent app prints it without the address checks of public-url.ts (its 300 KB budget).
 */
export const progressUrlAt = (publicUrl: string, caseNo: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/progress?caseNo=${encodeURIComponent(caseNo)}`;
