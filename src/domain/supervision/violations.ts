/**
 * A violation's life (DOMAIN.md "Electronic supervision"): recorded open → the center explains (its reason) →
 * a supervisor confirms or dismisses it with a reason. A supervisor may also decide an open one the center has not
 * explained. Each step is once; the checks here say no in Chinese. Pure.
 */
import type { Role } from '../roles.js';

export const VIOLATION_STATUSES = ['open', 'explained', 'confirmed', 'dismissed'] as const;
export type ViolationStatus = (typeof VIOLATION_STATUSES)[number];

export const VIOLATION_STATUS_NAMES: Record<ViolationStatus, string> = {
  open: '待说明',
  explained: '已说明',
  confirmed: '已认定',
  dismissed: '已撤销',
};

/** Not yet decided: what a center still has to answer for and a supervisor to decide. */
export const UNDECIDED: readonly ViolationStatus[] = ['open', 'explained'];

export const DECISIONS = ['confirm', 'dismiss'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_NAMES: Record<Decision, string> = { confirm: '认定违规', dismiss: '撤销' };

export interface ViolationProblem {
  code: 'VIOLATION_NOT_OPEN' | 'VIOLATION_DECIDED' | 'NOT_RESPONSIBLE_CENTER' | 'REASON_REQUIRED';
  message: string;
}

const problem = (code: ViolationProblem['code'], message: string): ViolationProblem => ({ code, message });

/** The center explains (说明情况): its director or window staff, while the violation is open. */
export function explainProblem(
  v: { status: ViolationStatus; orgId: string },
  actor: { orgId: string; roles: readonly Role[] },
  reason: string,
): ViolationProblem | null {
  if (v.orgId !== actor.orgId) {
    return problem('NOT_RESPONSIBLE_CENTER', '这条监察记录不是本中心的，只能由被监察的中心（主任或窗口工作人员）说明情况。');
  }
  if (v.status !== 'open') {
    return problem(
      'VIOLATION_NOT_OPEN',
      v.status === 'explained' ? '本中心已经说明过情况，正在等待纪检监察员认定，不能重复说明。' : `这条监察记录已经${VIOLATION_STATUS_NAMES[v.status]}，不能再说明情况。`,
    );
  }
  if (!reason.trim()) return problem('REASON_REQUIRED', '请写明情况说明：发生的原因、是否已纠正。');
  return null;
}

/** A supervisor decides (认定 / 撤销) with a reason: an open or explained violation, once. */
export function decideProblem(v: { status: ViolationStatus }, reason: string): ViolationProblem | null {
  if (!(UNDECIDED as readonly string[]).includes(v.status)) {
    return problem('VIOLATION_DECIDED', `这条监察记录已经${VIOLATION_STATUS_NAMES[v.status]}，不能重复处理。`);
  }
  if (!reason.trim()) return problem('REASON_REQUIRED', '请写明认定或撤销的理由。');
  return null;
}

export const statusAfter = (decision: Decision): ViolationStatus => (decision === 'confirm' ? 'confirmed' : 'dismissed');
