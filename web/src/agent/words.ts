/**
 * How the console names things for an agent: where a case stands seen from the village, and each step of its
 * history in plain words.
 */
import type { Case, CaseEvent, CaseSummary } from './model';

export type StageTone = 'wait' | 'go' | 'done' | 'warn' | 'off';

export interface Stage {
  label: string;
  tone: StageTone;
}

/** Where a case stands, seen from the village that received it. */
export function stageOf(c: CaseSummary, villageId: string): Stage {
  const here = c.holderOrgId === villageId;
  if (c.transitOrgId) return { label: '已报送，待上级接收', tone: 'go' };
  switch (c.status) {
    case 'submitted':
      return here ? { label: '待报送', tone: 'wait' } : { label: '上级待受理', tone: 'go' };
    case 'awaiting_supplement':
      return { label: '待补材料', tone: 'warn' };
    case 'in_progress':
    case 'paused':
      return here ? { label: '村里办理中', tone: 'go' } : { label: '上级办理中', tone: 'go' };
    case 'completed':
      return here ? { label: '待回复群众', tone: 'warn' } : { label: '已办结，结果返回中', tone: 'go' };
    case 'delivered':
      return { label: '已回复', tone: 'done' };
    case 'returned':
      return { label: '已退回', tone: 'off' };
    case 'withdrawn':
      return { label: '已撤回', tone: 'off' };
    default:
      return { label: c.statusName || c.status, tone: 'go' };
  }
}

const EVENT_NAMES: Record<string, string> = {
  intake: '收件登记',
  accept: '受理',
  'notify-supplement': '一次性告知补正材料',
  supplement: '群众补齐材料',
  return: '退回',
  pause: '进入特殊环节（暂停计时）',
  resume: '特殊环节结束',
  'request-extension': '申请延期',
  'approve-extension': '批准延期',
  'reject-extension': '不批准延期',
  review: '联办部门出具意见',
  escalate: '上报县级',
  forward: '转报乡镇',
  receive: '上级接收',
  transfer: '转交窗口',
  complete: '办结',
  deliver: '结果已交付群众',
  withdraw: '撤回',
};

export function eventText(event: CaseEvent): string {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  if (event.type === 'forward') return data.urgent ? '作为急件转报乡镇' : data.batchId ? '随每周集中报送转报乡镇' : '转报乡镇';
  if (event.type === 'complete') return data.outcome === 'denied' ? '办结（不予批准）' : '办结（准予办理）';
  if (event.type === 'deliver') return data.method === 'agent' ? '代办员已告知群众并交付结果' : '结果已送达';
  return EVENT_NAMES[event.type] ?? event.type;
}

export const proxyName = (c: Case): string =>
  c.proxy ? (c.proxy.authorized ? '代办（已签代理服务委托书）' : '帮办（申请人本人签字）') : '申请人本人办理';

export const outcomeName = (c: CaseSummary): string =>
  c.outcome === 'approved' ? '准予办理' : c.outcome === 'denied' ? '不予批准' : '';
