import type { OrgLevel } from '../../../src/domain/orgs/tree.js';
import {
  type ActionInput,
  type CaseAction,
  type CaseItemFacts,
  type CaseState,
  type CaseStatus,
  type DecideContext,
  type Decision,
  type Rejection,
} from '../../../src/domain/cases/index.js';

export const NOW = new Date('2025-03-04T02:00:00.000Z'); // 10:00 in Shanghai
export const LATER = (days: number, from = NOW) => new Date(from.getTime() + days * 86_400_000);

/** A township item decided at the township, promised in 10 of 20 legal working days, two special steps. */
export function item(overrides: Partial<CaseItemFacts> = {}): CaseItemFacts {
  return {
    name: '农村宅基地和建房（规划许可）审批',
    department: '乡镇人民政府',
    window: '村镇建设窗口',
    level: 'township',
    acceptLevels: ['village', 'township'],
    kind: 'promised',
    legalDays: 20,
    promisedDays: 10,
    joint: [],
    specialSteps: [
      { name: '公示', limitDays: 7, countsTowardLegal: false },
      { name: '现场踏勘', limitDays: 5, countsTowardLegal: true },
    ],
    inPersonRequired: false,
    proxyAllowed: true,
    onlineAllowed: true,
    materials: [
      { name: '申请表', main: true },
      { name: '居民身份证', main: true },
      { name: '居民户口簿', main: false },
      { name: '结婚证（已婚的提供）', main: false },
    ],
    fee: { amount: 0 },
    ...overrides,
  };
}

export const jointItem = () => item({ joint: ['乡镇农业农村办', '乡镇自然资源所'] });
export const countyItem = (overrides: Partial<CaseItemFacts> = {}) =>
  item({
    name: '城乡居民最低生活保障审批',
    level: 'county',
    acceptLevels: ['village', 'township', 'county'],
    ...overrides,
  });

const CLOCK_OF: Record<CaseStatus, CaseState['clock']> = {
  submitted: 'not_started',
  awaiting_supplement: 'not_started',
  in_progress: 'running',
  paused: 'paused',
  completed: 'stopped',
  returned: 'stopped',
  withdrawn: 'stopped',
  delivered: 'stopped',
};

/** A consistent state in `status`, held and received at the township, due in ten days. */
export function stateIn(status: CaseStatus, overrides: Partial<CaseState> = {}): CaseState {
  const started = !['submitted', 'awaiting_supplement'].includes(status);
  const base: CaseState = {
    kind: 'promised',
    status,
    receivingLevel: 'township',
    holderLevel: 'township',
    transit: null,
    windowId: 'w1',
    item: item(),
    providedMaterials: ['申请表', '居民身份证', '居民户口簿'],
    supplementNotice: null,
    defectRequests: [],
    clock: CLOCK_OF[status],
    pausedAt: null,
    activeStep: null,
    acceptedAt: started ? NOW.toISOString() : null,
    dueAt: started ? LATER(14).toISOString() : null,
    legalDueAt: started ? LATER(28).toISOString() : null,
    extensionDays: 0,
    pendingExtension: null,
    reviews: [],
    outcome: null,
    resultNo: null,
    refusal: null,
    delivery: null,
    completedAt: null,
    proxy: null,
  };
  switch (status) {
    case 'awaiting_supplement':
      base.supplementNotice = { missing: ['结婚证（已婚的提供）'], defectNote: null, at: NOW.toISOString() };
      break;
    case 'paused':
      base.activeStep = { name: '公示', limitDays: 7, countsTowardLegal: false };
      base.pausedAt = NOW.toISOString();
      break;
    case 'completed':
      base.outcome = 'approved';
      break;
    case 'returned':
      base.refusal = { reasons: '缺少主件', basis: '办事指南' };
      break;
    case 'delivered':
      base.outcome = 'approved';
      base.delivery = { method: 'window', at: NOW.toISOString() };
      break;
    default:
      break;
  }
  return { ...base, ...overrides };
}

export function ctx(level: OrgLevel = 'township', roles: string[] = ['clerk'], now: Date = NOW): DecideContext {
  return { now, actor: { roles, level } };
}

/** A valid input for every action (shape only; whether the rules allow it depends on the state). */
export const SAMPLE_INPUTS: { [A in CaseAction]: ActionInput<A> } = {
  accept: {},
  'notify-supplement': { missing: ['结婚证（已婚的提供）'] },
  supplement: { materials: ['结婚证（已婚的提供）'] },
  return: { reasons: '申请人不符合条件', basis: '《土地管理法》第六十二条' },
  pause: { reason: '公示', limitDays: 7 },
  resume: {},
  'request-extension': { reason: '需补充调查', days: 5 },
  'approve-extension': {},
  'reject-extension': {},
  review: { department: '乡镇农业农村办', opinion: 'agree', comment: '同意' },
  escalate: {},
  forward: { urgent: false },
  receive: {},
  transfer: { toWindowId: 'w2' },
  complete: { outcome: 'approved', resultNo: '2025-001' },
  deliver: { method: 'window' },
  withdraw: { reason: '申请人不再办理' },
};

export function expectOk(result: Decision | Rejection): Decision {
  if (!result.ok) throw new Error(`expected a decision, got ${result.code}: ${result.message}`);
  return result;
}
