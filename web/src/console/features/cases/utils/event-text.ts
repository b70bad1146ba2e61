import { ACTION_NAMES, STATUS_NAMES, type CaseAction, type CaseStatus } from '../api/case-schema';

const EXTRA_EVENTS: Record<string, string> = {
  intake: '收件登记',
  'refusal-review': '否定报备审查',
  'refusal-answer': '答复主任异议',
  transfer: '转交窗口',
  'deadline-recomputed': '期限按正式节假日安排重新计算',
  'hop-limit-recomputed': '转报、回复时限按正式节假日安排重新计算',
};

/** The Chinese name of an event of the timeline. */
export const eventName = (type: string): string => ACTION_NAMES[type as CaseAction] ?? EXTRA_EVENTS[type] ?? type;

export const statusName = (status: string | null | undefined): string | null => (status ? (STATUS_NAMES[status as CaseStatus] ?? status) : null);

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

const VALUES: Record<string, string> = {
  approved: '准予',
  denied: '不予批准',
  agree: '同意',
  disagree: '不同意',
  upheld: '同意退回',
  questioned: '有异议',
  window: '窗口领取',
  mail: '邮寄',
  agent: '由代办员送达',
};

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

export const DELIVERY_NAMES = { window: '窗口领取', mail: '邮寄送达', agent: '由代办员送达' } as const;
