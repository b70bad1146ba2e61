import { formatDate } from '@/lib/format';
import type { DossierSummary } from '../api/archive';

/** 保管至: the last day, or 永久. */
export const keepUntilText = (keepUntil: string | null): string => (keepUntil ? formatDate(keepUntil) : '永久');

export type CheckState = 'ok' | 'failed' | 'unchecked';

export const checkState = (d: Pick<DossierSummary, 'check'>): CheckState => (d.check === null ? 'unchecked' : d.check.ok ? 'ok' : 'failed');

export const CHECK_NAMES: Record<CheckState, string> = { ok: '通过', failed: '不一致', unchecked: '未检测' };

export const EMPTY_ARCHIVE = '办结满 30 天的办件每天夜间自动立卷归档，也可以在办件详情中立即立卷。';
