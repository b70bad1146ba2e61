/**
 * How the console names things for an agent: where a case stands seen from the village, and each step of its
 * history in plain words.
 */
import { ACTION_NAMES, eventName } from '@domain/vocabulary/actions';
import { HANDLING_MODE_NAMES } from '@domain/vocabulary/handling';
import { OUTCOME_NAMES } from '@domain/vocabulary/outcomes';
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

export function eventText(event: CaseEvent): string {
  const data = (event.data && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  if (event.type === 'forward') return data.urgent ? '作为急件转报乡镇' : data.batchId ? '随每周集中报送转报乡镇' : '转报乡镇';
  if (event.type === 'complete') return `${ACTION_NAMES.complete}（${OUTCOME_NAMES[data.outcome === 'denied' ? 'denied' : 'approved']}）`;
  if (event.type === 'deliver') return data.method === 'agent' ? '代办员已告知群众并交付结果' : ACTION_NAMES.deliver;
  return eventName(event.type);
}

export const proxyName = (c: Case): string =>
  c.proxy
    ? c.proxy.authorized
      ? `${HANDLING_MODE_NAMES.proxy}（已签代理服务委托书）`
      : `${HANDLING_MODE_NAMES.help}（申请人本人签字）`
    : HANDLING_MODE_NAMES.in_person;

export const outcomeName = (c: Pick<CaseSummary, 'outcome'>): string => (c.outcome ? OUTCOME_NAMES[c.outcome] : '');
