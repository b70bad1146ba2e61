/**
 * The supervision rules' code: one pure function per rule over a case as it stands (its state and register), its
 * events, its hops, the center's calendar and office hours, `now` and the rule's parameters. Each returns its
 * firings: who is responsible (the center, window and person), when it happened, the facts that fired it (times and
 * values) and the same facts as a Chinese sentence. An `occurrence` names the one thing that fired (the case, the
 * pause, the hop, the event), so evaluating again — from the next event, the next sweep, another process — finds
 * the same occurrence and records nothing new.
 */
import { dueInstant, wallTime } from '../calendar/office-hours.js';
import type { CenterTime } from '../cases/deadlines.js';
import { hopDoneAt, type HopKind } from '../cases/hops.js';
import { workingMinutesBetween } from '../cases/light.js';
import type { CaseState } from '../cases/model.js';
import type { RuleCode, RuleParams } from './rules.js';

/** A case as supervision reads it: its domain state and the columns kept beside it. */
export interface CaseSnapshot {
  id: string;
  caseNo: string;
  receivingOrgId: string;
  holderOrgId: string;
  windowId: string | null;
  /** the A post of the case's window when it was read (for rules about time that ran out: nobody acted) */
  windowPersonId: string | null;
  completedAt: string | null;
  state: CaseState;
  refusalReview: 'upheld' | 'questioned' | null;
  refusalReviewedAt: string | null;
  refusalAnsweredAt: string | null;
}

/** A case event as the rules read it (src/modules/events). */
export interface SupervisionEvent {
  id: string;
  seq: number;
  at: string;
  type: string;
  byUserId: string | null;
  orgId: string | null;
  data: Record<string, unknown> | null;
}

/** A hop between the levels (rule 9), as stored. */
export interface HopFacts {
  id: string;
  kind: HopKind;
  fromOrgId: string;
  toOrgId: string;
  urgent: boolean;
  readyAt: string;
  dueAt: string;
  sentAt: string | null;
  sentBy: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
}

export interface EvaluationInput {
  snapshot: CaseSnapshot;
  /** in order (seq); empty when the sweep evaluates only what the clock decides */
  events: readonly SupervisionEvent[];
  hops: readonly HopFacts[];
  /** the calendar and the office hours of the center holding the case */
  time: CenterTime;
  now: Date;
}

/** One fact as the supervisor reads it. */
export interface FactLine {
  label: string;
  value: string;
}

export interface Firing {
  ruleCode: RuleCode;
  /** what fired, unique within the rule: the violation's key with the rule code */
  occurrence: string;
  caseId: string;
  caseNo: string;
  /** the center responsible */
  orgId: string;
  windowId: string | null;
  personId: string | null;
  /** when the duty was missed (the limit that passed, or the step taken) */
  occurredAt: string;
  /** the machine-readable facts (times as ISO instants, amounts, numbers) */
  facts: Record<string, string | number | boolean | null>;
  /** the same facts, in Chinese, one per line */
  lines: FactLine[];
  /** one Chinese sentence saying what happened */
  text: string;
}

export type RuleEvaluator = (input: EvaluationInput, params: RuleParams) => Firing[];

// ------------------------------------------------------------------------------------------------ helpers

const MINUTE = 60_000;
const ms = (iso: string) => Date.parse(iso);

/** 2 天 3 小时 / 3 小时 20 分钟 / 45 分钟: how late, in natural time. */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  const parts = [days ? `${days} 天` : '', hours ? `${hours} 小时` : '', !days && mins ? `${mins} 分钟` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '不到 1 分钟';
}

const late = (fromIso: string, toIso: string) => (ms(toIso) - ms(fromIso)) / MINUTE;

/** Is `doneAt` (or, not done, `now`) past `limit` plus the grace? The limit itself is still in time. */
function pastLimit(limitIso: string, doneAt: string | null, now: Date, graceMinutes: number): { at: string; done: boolean } | null {
  const limit = ms(limitIso) + graceMinutes * MINUTE;
  if (doneAt !== null) return ms(doneAt) > limit ? { at: doneAt, done: true } : null;
  return now.getTime() > limit ? { at: now.toISOString(), done: false } : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const base = (s: CaseSnapshot) => ({ caseId: s.id, caseNo: s.caseNo, windowId: s.windowId });

const OPEN: readonly CaseState['status'][] = ['submitted', 'awaiting_supplement', 'in_progress', 'paused'];

// --------------------------------------------------------------------------------- JC-01 / JC-02 overruns

/**
 * The clock of a case measured against its due date (rule 12's red): finished at `completedAt`, or still open and
 * seen at `now` — a paused clock is seen at the start of its pause, as the light is. Returned or withdrawn cases
 * left the center's hands and are judged no more.
 */
function overrun(input: EvaluationInput, graceMinutes: number) {
  const { snapshot: s, now } = input;
  const { state } = s;
  if (state.dueAt === null || state.acceptedAt === null) return null;
  if (state.status === 'completed' || state.status === 'delivered') {
    const done = s.completedAt;
    if (done === null) return null;
    const hit = pastLimit(state.dueAt, done, now, graceMinutes);
    return hit && { ...hit, dueAt: state.dueAt };
  }
  if (!OPEN.includes(state.status)) return null;
  const seenAt = state.pausedAt !== null && ms(state.pausedAt) < now.getTime() ? new Date(state.pausedAt) : now;
  const hit = pastLimit(state.dueAt, null, seenAt, graceMinutes);
  return hit && { ...hit, dueAt: state.dueAt, paused: state.pausedAt !== null };
}

function overrunFiring(input: EvaluationInput, ruleCode: 'promise-overrun' | 'immediate-same-day', what: string, graceMinutes: number): Firing[] {
  const hit = overrun(input, graceMinutes);
  if (!hit) return [];
  const { snapshot: s, time } = input;
  const tz = time.timeZone;
  // finished late: whoever completed it (from its event, when read), else the window's A post; open: the A post
  const by = (hit.done ? input.events.findLast((e) => e.type === 'complete')?.byUserId : null) ?? s.windowPersonId;
  const lines: FactLine[] = [
    { label: '受理时间', value: wallTime(s.state.acceptedAt!, tz) },
    { label: ruleCode === 'immediate-same-day' ? '应办结时间' : '承诺办结时间', value: wallTime(hit.dueAt, tz) },
    hit.done ? { label: '实际办结时间', value: wallTime(hit.at, tz) } : { label: '检查时间', value: wallTime(hit.at, tz) },
    { label: '超时', value: duration(late(hit.dueAt, hit.at)) },
  ];
  const text = hit.done
    ? `${what}应于 ${wallTime(hit.dueAt, tz)} 前办结，实际于 ${wallTime(hit.at, tz)} 办结，超时 ${duration(late(hit.dueAt, hit.at))}。`
    : `${what}应于 ${wallTime(hit.dueAt, tz)} 前办结，至 ${wallTime(hit.at, tz)} 仍未办结，已超时 ${duration(late(hit.dueAt, hit.at))}。`;
  return [
    {
      ruleCode,
      occurrence: s.id,
      ...base(s),
      orgId: s.holderOrgId,
      personId: by,
      occurredAt: hit.dueAt,
      facts: { acceptedAt: s.state.acceptedAt, dueAt: hit.dueAt, completedAt: hit.done ? hit.at : null, checkedAt: hit.done ? null : hit.at, lateMinutes: Math.round(late(hit.dueAt, hit.at)) },
      lines,
      text,
    },
  ];
}

/** JC-01 承诺件超期: a promised (joint, escalated) case past its promised time. */
export const promiseOverrun: RuleEvaluator = (input, p) =>
  input.snapshot.state.kind === 'immediate' ? [] : overrunFiring(input, 'promise-overrun', '本件为承诺件，', p.graceMinutes ?? 0);

/** JC-02 即办件当日未办结: an immediate case not finished by the close of its working day. */
export const immediateSameDay: RuleEvaluator = (input, p) =>
  input.snapshot.state.kind !== 'immediate' ? [] : overrunFiring(input, 'immediate-same-day', '本件为即办件，', p.graceMinutes ?? 0);

// ------------------------------------------------------------------------------ JC-03 special step overrun

/** A special step's limit: the close of office `limitDays` working days after the day it began. */
export const stepLimit = (pausedAt: string, limitDays: number, t: CenterTime): string =>
  dueInstant(t.calendar, new Date(pausedAt), limitDays, t.hours, t.timeZone).toISOString();

/**
 * JC-03 特殊环节超时: each special step (a `pause` event, with its name and limit, until its `resume`) judged by its
 * own limit; the step still under way (the state's activeStep) is judged at now.
 */
export const specialStepOverrun: RuleEvaluator = (input, p) => {
  const { snapshot: s, events, time, now } = input;
  const steps: { name: string; limitDays: number; pausedAt: string; resumedAt: string | null; by: string | null }[] = [];
  for (const e of events) {
    if (e.type === 'pause') {
      steps.push({ name: str(e.data?.reason)?.trim() ?? '特殊环节', limitDays: Number(e.data?.limitDays ?? 0), pausedAt: e.at, resumedAt: null, by: e.byUserId });
    } else if (e.type === 'resume') {
      const open = steps.findLast((st) => st.resumedAt === null);
      if (open) {
        open.resumedAt = e.at;
        open.by = e.byUserId;
      }
    }
  }
  const active = s.state.activeStep;
  if (active && s.state.pausedAt && !steps.some((st) => st.pausedAt === s.state.pausedAt)) {
    steps.push({ name: active.name, limitDays: active.limitDays, pausedAt: s.state.pausedAt, resumedAt: null, by: null });
  }
  const tz = time.timeZone;
  return steps.flatMap((st) => {
    if (!(st.limitDays > 0)) return [];
    // a step not resumed whose case has ended since (withdrawn) is judged no more
    if (st.resumedAt === null && s.state.activeStep?.name !== st.name) return [];
    const limit = stepLimit(st.pausedAt, st.limitDays, time);
    const hit = pastLimit(limit, st.resumedAt, now, p.graceMinutes ?? 0);
    if (!hit) return [];
    const lines: FactLine[] = [
      { label: '特殊环节', value: st.name },
      { label: '开始时间', value: wallTime(st.pausedAt, tz) },
      { label: '环节时限', value: `${st.limitDays} 个工作日（至 ${wallTime(limit, tz)}）` },
      hit.done ? { label: '恢复计时时间', value: wallTime(hit.at, tz) } : { label: '检查时间', value: wallTime(hit.at, tz) },
      { label: '超时', value: duration(late(limit, hit.at)) },
    ];
    return [
      {
        ruleCode: 'special-step-overrun' as const,
        occurrence: `${s.id}:${st.pausedAt}`,
        ...base(s),
        orgId: s.holderOrgId,
        personId: hit.done ? st.by : s.windowPersonId,
        occurredAt: limit,
        facts: { step: st.name, limitDays: st.limitDays, pausedAt: st.pausedAt, limitAt: limit, resumedAt: st.resumedAt, checkedAt: hit.done ? null : hit.at },
        lines,
        text: hit.done
          ? `特殊环节“${st.name}”于 ${wallTime(st.pausedAt, tz)} 开始，时限 ${st.limitDays} 个工作日（至 ${wallTime(limit, tz)}），于 ${wallTime(hit.at, tz)} 才恢复计时，超时 ${duration(late(limit, hit.at))}。`
          : `特殊环节“${st.name}”于 ${wallTime(st.pausedAt, tz)} 开始，时限 ${st.limitDays} 个工作日（至 ${wallTime(limit, tz)}），至 ${wallTime(hit.at, tz)} 仍未恢复计时，已超时 ${duration(late(limit, hit.at))}。`,
      },
    ];
  });
};

// -------------------------------------------------------------------------- JC-04 request beyond the notice

const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/**
 * JC-04 一次性告知外再次要求补正 (rule 1): after the one-time notice (at intake, or the first `notify-supplement`), a
 * later request naming a material the notice did not list, without a recorded defect as its reason.
 */
export const supplementBeyondNotice: RuleEvaluator = (input) => {
  const { snapshot: s, events, time } = input;
  const intakeNotice = events.find((e) => e.type === 'intake' && e.data?.kind === 'supplement');
  const requests = events.filter((e) => e.type === 'notify-supplement');
  const notice = intakeNotice ?? requests[0];
  if (!notice) return [];
  const listed = new Set(names(intakeNotice ? intakeNotice.data?.missing : notice.data?.missing));
  return requests
    .filter((e) => e !== notice)
    .flatMap((e) => {
      const beyond = [...new Set(names(e.data?.missing).filter((n) => !listed.has(n)))];
      if (beyond.length === 0 || !blank(e.data?.defectNote)) return [];
      const tz = time.timeZone;
      return [
        {
          ruleCode: 'supplement-beyond-notice' as const,
          occurrence: e.id,
          ...base(s),
          orgId: e.orgId ?? s.holderOrgId,
          personId: e.byUserId,
          occurredAt: e.at,
          facts: { noticeAt: notice.at, requestedAt: e.at, notOnNotice: beyond.join('、'), onNotice: [...listed].join('、') },
          lines: [
            { label: '一次性告知时间', value: wallTime(notice.at, tz) },
            { label: '告知书列明的材料', value: [...listed].join('、') || '（无）' },
            { label: '再次要求时间', value: wallTime(e.at, tz) },
            { label: '告知书以外的材料', value: beyond.join('、') },
            { label: '缺陷说明', value: '未登记' },
          ],
          text: `已于 ${wallTime(notice.at, tz)} 出具一次性告知书，又于 ${wallTime(e.at, tz)} 要求补交告知书未列明的材料：${beyond.join('、')}，且未登记已交材料的缺陷说明。`,
        },
      ];
    });
};

// ----------------------------------------------------------------------------------- JC-05 … JC-07 hops

const HOP_RULE: Record<HopKind, 'hop-village-township' | 'hop-township-county' | 'hop-hand-back'> = {
  'village-township': 'hop-village-township',
  'township-county': 'hop-township-county',
  'hand-back': 'hop-hand-back',
};

const HOP_WORDS: Record<HopKind, { what: string; done: string }> = {
  'village-township': { what: '村级转报乡镇', done: '报送' },
  'township-county': { what: '乡镇上报县级', done: '上报' },
  'hand-back': { what: '结果回复群众', done: '回复交付' },
};

/** JC-05 … JC-07: a hop done after its limit, or not done and its limit has passed (hops.ts isLate). */
const hopRule =
  (kind: HopKind): RuleEvaluator =>
  (input, p) => {
    const { snapshot: s, hops, now, time } = input;
    const tz = time.timeZone;
    return hops
      .filter((h) => h.kind === kind)
      .flatMap((h) => {
        const doneAt = hopDoneAt({ kind: h.kind, dueAt: h.dueAt, sentAt: h.sentAt, receivedAt: h.receivedAt });
        const hit = pastLimit(h.dueAt, doneAt, now, p.graceMinutes ?? 0);
        if (!hit) return [];
        const words = HOP_WORDS[kind];
        // forwarding up is the sender's duty; the hand-back is the village agent's (the result came down to them)
        const orgId = kind === 'hand-back' ? h.toOrgId : h.fromOrgId;
        const person = kind === 'hand-back' ? h.receivedBy : h.sentBy;
        return [
          {
            ruleCode: HOP_RULE[kind],
            occurrence: h.id,
            ...base(s),
            orgId,
            personId: hit.done ? person : null,
            occurredAt: h.dueAt,
            facts: { hopKind: kind, readyAt: h.readyAt, dueAt: h.dueAt, doneAt, checkedAt: hit.done ? null : hit.at, urgent: h.urgent, lateMinutes: Math.round(late(h.dueAt, hit.at)) },
            lines: [
              { label: '环节', value: `${words.what}${h.urgent ? '（急件）' : ''}` },
              { label: '起算时间', value: wallTime(h.readyAt, tz) },
              { label: '时限', value: wallTime(h.dueAt, tz) },
              hit.done ? { label: `实际${words.done}时间`, value: wallTime(hit.at, tz) } : { label: '检查时间', value: wallTime(hit.at, tz) },
              { label: '超时', value: duration(late(h.dueAt, hit.at)) },
            ],
            text: hit.done
              ? `${words.what}应于 ${wallTime(h.dueAt, tz)} 前${words.done}，实际于 ${wallTime(hit.at, tz)} ${words.done}，超时 ${duration(late(h.dueAt, hit.at))}。`
              : `${words.what}应于 ${wallTime(h.dueAt, tz)} 前${words.done}，至 ${wallTime(hit.at, tz)} 仍未${words.done}，已超时 ${duration(late(h.dueAt, hit.at))}。`,
          },
        ];
      });
  };

export const hopVillageTownship = hopRule('village-township');
export const hopTownshipCounty = hopRule('township-county');
export const hopHandBack = hopRule('hand-back');

// ------------------------------------------------------------------------------------- JC-08 irregular fee

/**
 * JC-08 收费与法定标准不符 (rule 6): a completion that charged a fee other than the item's legal fee (a waiver is
 * recorded as 0 and is not irregular), at a village room, or without a receipt number.
 */
export const feeNotStandard: RuleEvaluator = (input) => {
  const { snapshot: s, events, time } = input;
  const standard = s.state.item.fee.amount;
  const tz = time.timeZone;
  return events
    .filter((e) => e.type === 'complete')
    .flatMap((e) => {
      const charged = typeof e.data?.feeCharged === 'number' ? e.data.feeCharged : 0;
      if (!(charged > 0)) return [];
      const receipt = str(e.data?.receiptNo)?.trim() || null;
      // the center that completed it: a village room never charges (rule 6, proxy service is free)
      const atVillage = s.state.receivingLevel === 'village' && e.orgId === s.receivingOrgId;
      const problems = [
        charged !== standard ? (standard === 0 ? '该事项不收费' : `与法定标准 ${standard} 元不符`) : null,
        atVillage ? '村便民服务室不得收费' : null,
        receipt === null ? '未登记收费票据号码' : null,
      ].filter((x): x is string => x !== null);
      if (problems.length === 0) return [];
      return [
        {
          ruleCode: 'fee-not-standard' as const,
          occurrence: e.id,
          ...base(s),
          orgId: e.orgId ?? s.holderOrgId,
          personId: e.byUserId,
          occurredAt: e.at,
          facts: { charged, standard, receiptNo: receipt, completedAt: e.at, atVillage },
          lines: [
            { label: '事项', value: s.state.item.name },
            { label: '法定收费标准', value: standard === 0 ? '不收费' : `${standard} 元` },
            { label: '实收金额', value: `${charged} 元` },
            { label: '票据号码', value: receipt ?? '未登记' },
            { label: '办结时间', value: wallTime(e.at, tz) },
          ],
          text: `办结时登记收费 ${charged} 元，${problems.join('，')}。`,
        },
      ];
    });
};

// ------------------------------------------------------------------------------ JC-09 extension after due

/**
 * The due date in force just before event `at` index `i`: the last one an earlier step recorded (dueAt), else the one
 * a later step says it replaced (previousDueAt), else the case's own (no step ever moved it).
 */
export function dueAtBefore(events: readonly SupervisionEvent[], i: number, current: string | null): string | null {
  for (let j = i - 1; j >= 0; j--) {
    const d = events[j]!.data?.dueAt;
    if (d !== undefined) return str(d);
  }
  for (let j = i + 1; j < events.length; j++) {
    const d = events[j]!.data?.previousDueAt;
    if (typeof d === 'string') return d;
  }
  return current;
}

/** JC-09 到期后申请延期 (rule 5): an extension requested after the due date in force at the time. */
export const extensionAfterDue: RuleEvaluator = (input) => {
  const { snapshot: s, events, time } = input;
  const tz = time.timeZone;
  return events.flatMap((e, i) => {
    if (e.type !== 'request-extension') return [];
    const due = dueAtBefore(events, i, s.state.dueAt);
    if (due === null || ms(e.at) <= ms(due)) return [];
    return [
      {
        ruleCode: 'extension-after-due' as const,
        occurrence: e.id,
        ...base(s),
        orgId: e.orgId ?? s.holderOrgId,
        personId: e.byUserId,
        occurredAt: e.at,
        facts: { dueAt: due, requestedAt: e.at, days: typeof e.data?.days === 'number' ? e.data.days : null, lateMinutes: Math.round(late(due, e.at)) },
        lines: [
          { label: '承诺办结时间', value: wallTime(due, tz) },
          { label: '申请延期时间', value: wallTime(e.at, tz) },
          { label: '申请延期', value: typeof e.data?.days === 'number' ? `${e.data.days} 个工作日` : '—' },
          { label: '晚于到期', value: duration(late(due, e.at)) },
        ],
        text: `本件应于 ${wallTime(due, tz)} 前办结，却于 ${wallTime(e.at, tz)} 到期之后才申请延期，晚了 ${duration(late(due, e.at))}。`,
      },
    ];
  });
};

// -------------------------------------------------------------------------- JC-10 acceptance back-dated

/**
 * JC-10 受理登记明显晚于收件: each `accept` measured from when the case reached the accepting center — the last
 * `receive` before it (a forwarded or escalated case arrived), else the intake (the applicant came in) — in working
 * time of the center's office hours, against the threshold in office hours.
 */
export const acceptanceBackdated: RuleEvaluator = (input, p) => {
  const { snapshot: s, events, time } = input;
  const threshold = (p.thresholdHours ?? 8) * 60;
  const tz = time.timeZone;
  return events.flatMap((e, i) => {
    if (e.type !== 'accept') return [];
    const arrival = events.slice(0, i).findLast((x) => x.type === 'receive' || x.type === 'intake');
    if (!arrival) return [];
    const minutes = workingMinutesBetween(time.calendar, new Date(arrival.at), new Date(e.at), time.hours, tz);
    if (minutes <= threshold) return [];
    const how = arrival.type === 'receive' ? '接收转报（上报）的办件' : '收件登记';
    return [
      {
        ruleCode: 'acceptance-backdated' as const,
        occurrence: e.id,
        ...base(s),
        orgId: e.orgId ?? s.holderOrgId,
        personId: e.byUserId,
        occurredAt: e.at,
        facts: { arrivedAt: arrival.at, arrivalType: arrival.type, acceptedAt: e.at, workingMinutes: Math.round(minutes), thresholdHours: threshold / 60 },
        lines: [
          { label: how === '收件登记' ? '收件时间' : '接收时间', value: wallTime(arrival.at, tz) },
          { label: '受理登记时间', value: wallTime(e.at, tz) },
          { label: '相隔办公时间', value: `${(Math.round(minutes / 6) / 10).toFixed(1)} 小时` },
          { label: '时限', value: `${threshold / 60} 个办公小时` },
        ],
        text: `本件于 ${wallTime(arrival.at, tz)} ${how}，于 ${wallTime(e.at, tz)} 才登记受理，相隔办公时间 ${(Math.round(minutes / 6) / 10).toFixed(1)} 小时，超过 ${threshold / 60} 小时；受理时间不能反映群众实际办事的时间。`,
      },
    ];
  });
};

// --------------------------------------------------------------------------- JC-11 objection unanswered

/** The window's answer to a questioned refusal is due at the close of office `answerDays` working days after it. */
export const answerLimit = (reviewedAt: string, answerDays: number, t: CenterTime): string =>
  dueInstant(t.calendar, new Date(reviewedAt), answerDays, t.hours, t.timeZone).toISOString();

/** JC-11 否定报备异议逾期未答复: the director questioned a refusal and the window did not answer within the limit. */
export const objectionUnanswered: RuleEvaluator = (input, p) => {
  const { snapshot: s, time, now } = input;
  if (s.refusalReview !== 'questioned' || s.refusalReviewedAt === null) return [];
  const days = p.answerDays ?? 3;
  const limit = answerLimit(s.refusalReviewedAt, days, time);
  const hit = pastLimit(limit, s.refusalAnsweredAt, now, 0);
  if (!hit) return [];
  const tz = time.timeZone;
  return [
    {
      ruleCode: 'objection-unanswered',
      occurrence: `${s.id}:${s.refusalReviewedAt}`,
      ...base(s),
      orgId: s.receivingOrgId,
      personId: hit.done ? null : s.windowPersonId,
      occurredAt: limit,
      facts: { reviewedAt: s.refusalReviewedAt, limitAt: limit, answeredAt: s.refusalAnsweredAt, answerDays: days, checkedAt: hit.done ? null : hit.at },
      lines: [
        { label: '提出异议时间', value: wallTime(s.refusalReviewedAt, tz) },
        { label: '答复时限', value: `${days} 个工作日（至 ${wallTime(limit, tz)}）` },
        hit.done ? { label: '实际答复时间', value: wallTime(hit.at, tz) } : { label: '检查时间', value: wallTime(hit.at, tz) },
        { label: '超时', value: duration(late(limit, hit.at)) },
      ],
      text: hit.done
        ? `中心主任于 ${wallTime(s.refusalReviewedAt, tz)} 对本件的否定报备提出异议，窗口应于 ${wallTime(limit, tz)} 前答复，实际于 ${wallTime(hit.at, tz)} 答复，超时 ${duration(late(limit, hit.at))}。`
        : `中心主任于 ${wallTime(s.refusalReviewedAt, tz)} 对本件的否定报备提出异议，窗口应于 ${wallTime(limit, tz)} 前答复，至 ${wallTime(hit.at, tz)} 仍未答复。`,
    },
  ];
};

// --------------------------------------------------------------------------------------------- all rules

/**
 * JC-12 / JC-13 are about a 差评's work order, which is not part of a case's snapshot: the evaluation module evaluates
 * them over the work orders (src/domain/evaluation/work-orders.ts lateFiring, its sweep and its steps) and records
 * them here as violations of the work order's case. On a case alone they never fire.
 */
const onWorkOrders: RuleEvaluator = () => [];

export const EVALUATORS: Record<RuleCode, RuleEvaluator> = {
  'promise-overrun': promiseOverrun,
  'immediate-same-day': immediateSameDay,
  'special-step-overrun': specialStepOverrun,
  'supplement-beyond-notice': supplementBeyondNotice,
  'hop-village-township': hopVillageTownship,
  'hop-township-county': hopTownshipCounty,
  'hop-hand-back': hopHandBack,
  'fee-not-standard': feeNotStandard,
  'extension-after-due': extensionAfterDue,
  'acceptance-backdated': acceptanceBackdated,
  'objection-unanswered': objectionUnanswered,
  'rating-visit-late': onWorkOrders,
  'rating-fix-late': onWorkOrders,
};

/** The rules in force, as the evaluation reads them from their rows. */
export interface ActiveRule {
  code: RuleCode;
  params: RuleParams;
}

/** Every firing of the enabled rules on one case. Evaluators of rules that need events see the events given. */
export function evaluateCase(input: EvaluationInput, rules: readonly ActiveRule[]): Firing[] {
  return rules.flatMap((r) => EVALUATORS[r.code](input, r.params));
}

/** The violation's unique key: a rule fires once per occurrence, however often it is evaluated. */
export const occurrenceKey = (f: Pick<Firing, 'ruleCode' | 'occurrence'>): string => `${f.ruleCode}:${f.occurrence}`;
