/**
 * The public rating's two requests (no session): whether the case can be rated, and the rating itself. The case is
 * named by the signed link of the QR code / SMS (`token`) or by the number and the phone's last four digits.
 */
import type { Level } from '@domain/evaluation/levels';
import { createApiClient, isApiError } from '@shared/api-client';

export type CaseRef = { token: string } | { caseNo: string; phone4: string };

export interface RatingOffer {
  caseNo: string;
  itemName: string;
  centerName: string;
  ratable: boolean;
  notRatableReason: string | null;
  rated: { level: Level; levelName: string; ratedAt: string; isDefault: boolean } | null;
}

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

/** `notFound`: the link names no case; the page then points to 办件进度查询 (a link, not just words). */
export async function getOffer(ref: CaseRef): Promise<{ offer: RatingOffer } | { problem: string; notFound?: true }> {
  try {
    return { offer: await client.request<RatingOffer>('/public/ratings/offer', { query: ref, quiet401: true }) };
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return { problem: '未找到该办件：请重新扫描办结通知书上的二维码，或用办件编号和电话后四位查询。', notFound: true };
    return { problem: isApiError(error) ? error.title : '系统暂时无法打开评价，请稍后再试。' };
  }
}

export async function submitRating(ref: CaseRef, level: Level, comment: string): Promise<{ ok: true; levelName: string } | { ok: false; problem: string; done?: boolean }> {
  try {
    const r = await client.request<{ levelName: string }>('/public/ratings', { method: 'POST', body: { ...ref, level, comment: comment.trim() || undefined }, quiet401: true });
    return { ok: true, levelName: r.levelName };
  } catch (error) {
    if (isApiError(error) && error.status === 409) return { ok: false, problem: error.title, done: true };
    return { ok: false, problem: isApiError(error) ? error.title : '评价没有提交成功，请再点一次“提交评价”。' };
  }
}
