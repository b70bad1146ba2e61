import { DELIVERY_NAMES } from '@domain/vocabulary/channels';
import { OUTCOME_NAMES } from '@domain/vocabulary/outcomes';
import { REFUSAL_REVIEW_NAMES, REVIEW_OPINION_NAMES } from '@domain/vocabulary/reviews';

// The names of events and statuses are the vocabulary's (src/domain/vocabulary); the details are the timeline's own.
export { eventName } from '@domain/vocabulary/actions';
export { statusName } from '@domain/vocabulary/statuses';

const LABELS: Record<string, string> = {
  message: '说明',
  missing: '需补正材料',
  provided: '已提供材料',
  materials: '材料',
  reasons: '理由',
  reason: '原因',
  basis: '依据',
  days: '延长工作日',
  limitDays: '时限（工作日）',
  outcome: '办理结果',
  resultNo: '结果文号',
  resultValidUntil: '证照有效期至',
  method: '送达方式',
  comment: '意见',
  department: '审核部门',
  opinion: '审核意见',
  defectNote: '材料缺陷说明',
  feeCharged: '收费（元）',
  receiptNo: '票据号',
  urgent: '急件',
  answer: '答复',
};

/** The values an event's data carries (an outcome, an opinion, a delivery method), by their Chinese names. */
const VALUES: Record<string, string> = { ...OUTCOME_NAMES, ...REVIEW_OPINION_NAMES, ...REFUSAL_REVIEW_NAMES, ...DELIVERY_NAMES };

const SKIP = new Set(['kind', 'channel', 'proxy', 'expectedVersion', 'at']);

/** An event's details as "label：value" lines a clerk can read; `toStatus` is the status the event led to. */
export function eventDetails(data: unknown, toStatus?: string | null): { label: string; value: string }[] {
  if (!data || typeof data !== 'object') return [];
  const out: { label: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    if (SKIP.has(key) || !(key in LABELS) || raw === null || raw === undefined || raw === '') continue;
    let value: string;
    if (Array.isArray(raw)) {
      if (raw.length === 0) continue;
      value = raw.map(String).join('、');
    } else if (typeof raw === 'boolean') value = raw ? '是' : '否';
    else if (typeof raw === 'object') continue;
    else value = VALUES[String(raw)] ?? String(raw);
    // a case returned at intake asked for nothing: what it lacked is not a list of materials to supplement
    const label = key === 'missing' && toStatus === 'returned' ? '所缺材料' : (LABELS[key] ?? key);
    out.push({ label, value });
  }
  return out;
}
