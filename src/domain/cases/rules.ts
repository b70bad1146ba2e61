/**
 * The rules of DOMAIN.md as small named checks. Each returns null when the rule is satisfied, or a rejection
 * with a stable code and a Chinese message that tells the clerk what to do next. The transition table
 * (transitions.ts) says which rule applies to which status and action; nothing else decides.
 */
import { DomainError } from '../errors.js';
import { isAbove, type OrgLevel } from '../orgs/tree.js';
import type { ActionInput } from './action-inputs.js';
import { centerName, type CaseItemFacts, type CaseState } from './model.js';

export const CASE_RULE_CODES = [
  'ACTION_NOT_ALLOWED',
  'NOT_CASE_HOLDER',
  'NOT_RECEIVING_LEVEL',
  'NOTHING_TO_RECEIVE',
  'IN_TRANSIT',
  'FORWARD_REQUIRED',
  'FORWARD_NOT_NEEDED',
  'NOT_AT_VILLAGE',
  'NOT_ESCALATABLE',
  'NOT_DECIDING_LEVEL',
  'MATERIAL_NOT_IN_GUIDE',
  'SUPPLEMENT_ALREADY_NOTIFIED',
  'DEFECT_NOTE_REQUIRED',
  'SUPPLEMENT_NOT_REQUESTED',
  'REFUSAL_REASONS_REQUIRED',
  'PAUSE_NOT_SPECIAL_STEP',
  'PAUSE_LIMIT_EXCEEDED',
  'EXTENSION_AFTER_DUE',
  'EXTENSION_BEYOND_LEGAL_LIMIT',
  'EXTENSION_ALREADY_PENDING',
  'NO_EXTENSION_PENDING',
  'DIRECTOR_APPROVAL_REQUIRED',
  'NOT_JOINT_CASE',
  'UNKNOWN_JOINT_DEPARTMENT',
  'ALREADY_REVIEWED',
  'REVIEW_COMMENT_REQUIRED',
  'JOINT_REVIEWS_INCOMPLETE',
  'JOINT_REVIEW_DISAGREED',
  'FEE_ABOVE_STANDARD',
  'FEE_RECEIPT_REQUIRED',
  'SAME_WINDOW',
  'DELIVERY_TIME_INVALID',
  'RESULT_VALIDITY_PAST',
  // intake
  'IN_PERSON_REQUIRED',
  'PROXY_NOT_ALLOWED',
  'ONLINE_NOT_ALLOWED',
  'NOT_RECEIVABLE_HERE',
  'CHANNEL_NOT_ALLOWED',
  'MATERIALS_NOT_CHECKED',
  // refusal register
  'NOT_A_REFUSAL',
  'REFUSAL_ALREADY_REVIEWED',
  'NO_OBJECTION',
  'OBJECTION_ALREADY_ANSWERED',
  'OWN_OBJECTION',
  'ANSWER_REQUIRED',
] as const;
export type CaseRuleCode = (typeof CASE_RULE_CODES)[number];

export interface Rejection {
  ok: false;
  code: CaseRuleCode;
  message: string;
  details?: Record<string, unknown>;
}

export const reject = (code: CaseRuleCode, message: string, details?: Record<string, unknown>): Rejection =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };

/** For the service: throw the rejection as the project's DomainError (answered as 422 problem+json). */
export const toDomainError = (rejection: Rejection): DomainError =>
  new DomainError(rejection.code, rejection.message, rejection.details);

export interface Actor {
  roles: readonly string[];
  /** the level of the actor's organisation */
  level: OrgLevel;
}

export interface DecideContext {
  now: Date;
  actor: Actor;
  /** the acting center's time zone, whose date is "today" for a date a clerk enters; China's when not given */
  timeZone?: string;
}

export type StateGuard = (state: CaseState) => Rejection | null;

// ---------------------------------------------------------------------------------------------- helpers

/** 「、」-joined list for messages. */
export const list = (names: readonly string[]): string => names.join('、');

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/** Asia/Shanghai wall time (no daylight saving, so a fixed offset is exact): 2025-03-04 17:30. */
export const shanghaiTime = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

const isBlank = (value: string | undefined | null): boolean => value === undefined || value === null || value.trim() === '';

/** Names that the item's guide does not list (the guide is the only source of materials). */
export const namesNotInGuide = (item: CaseItemFacts, names: readonly string[]): string[] => {
  const listed = new Set(item.materials.map((m) => m.name));
  return unique(names.filter((n) => !listed.has(n)));
};

/** Everything the applicant has been asked for: the one-time notice plus defect requests. */
export const requestedMaterials = (state: CaseState): string[] =>
  unique([...(state.supplementNotice?.missing ?? []), ...state.defectRequests.flatMap((d) => d.materials)]);

/** Requested and not (again) on file. */
export const outstandingMaterials = (state: CaseState): string[] =>
  requestedMaterials(state).filter((n) => !state.providedMaterials.includes(n));

/**
 * May a center of `level` accept (受理) this item, i.e. start its clock? A village accepts only village items
 * and forwards everything else; a township accepts its own items and, as 上报件 with a forwarding promise,
 * county items; the county accepts county items.
 */
export const canAcceptAt = (item: CaseItemFacts, level: OrgLevel): boolean =>
  !(level === 'village' && isAbove(item.level, 'village'));

/** Joint departments that have not answered yet. */
export const missingReviews = (state: CaseState): string[] =>
  state.item.joint.filter((d) => !state.reviews.some((r) => r.department === d));

/**
 * The most working days an extension may still add. The legal limit bounds promise + extensions. An item
 * without a legal limit (legalDays null) has its promised days as the only published limit: it cannot be
 * extended at all.
 */
export const extensionRoomDays = (state: CaseState): number =>
  state.item.legalDays === null
    ? 0
    : Math.max(0, state.item.legalDays - state.item.promisedDays - state.extensionDays);

// ------------------------------------------------------------------------------- state-only guards

export const notInTransit: StateGuard = (s) =>
  s.transit === null
    ? null
    : reject(
        'IN_TRANSIT',
        `本件已报送${centerName(s.transit.to)}，正在途中。请等${centerName(s.transit.to)}接收后再办理；如群众要求撤回，仍可办理撤回。`,
      );

export const hasTransit: StateGuard = (s) =>
  s.transit !== null ? null : reject('NOTHING_TO_RECEIVE', '本件没有处在报送途中，不需要接收。');

export const acceptableHere: StateGuard = (s) =>
  canAcceptAt(s.item, s.holderLevel)
    ? null
    : reject(
        'FORWARD_REQUIRED',
        `“${s.item.name}”须由${centerName('township')}受理，${centerName(s.holderLevel)}不能受理。请登记后转报乡镇（急件随收随报，普通件每周一集中报送）。`,
      );

export const atVillage: StateGuard = (s) =>
  s.holderLevel === 'village'
    ? null
    : reject('NOT_AT_VILLAGE', `只有${centerName('village')}收件的办件才需要转报乡镇；本件目前在${centerName(s.holderLevel)}，请直接办理。`);

export const needsHigherLevel: StateGuard = (s) =>
  isAbove(s.item.level, s.holderLevel)
    ? null
    : reject('FORWARD_NOT_NEEDED', `“${s.item.name}”由${centerName(s.holderLevel)}直接办理，不需要转报，请直接受理。`);

export const escalatable: StateGuard = (s) => {
  if (s.kind !== 'escalated') {
    return reject('NOT_ESCALATABLE', `本件不是上报件，“${s.item.name}”由${centerName(s.item.level)}决定，不需要上报县级。`);
  }
  if (s.holderLevel !== 'township') {
    return reject(
      'NOT_ESCALATABLE',
      `上报件由${centerName('township')}受理后上报${centerName('county')}；本件目前在${centerName(s.holderLevel)}，不能在这里上报。`,
    );
  }
  return null;
};

export const decidingLevel: StateGuard = (s) =>
  isAbove(s.item.level, s.holderLevel)
    ? reject(
        'NOT_DECIDING_LEVEL',
        `“${s.item.name}”由${centerName(s.item.level)}作出决定，${centerName(s.holderLevel)}不能办结。${
          s.holderLevel === 'township' ? '请上报县级，结果回来后再送达群众。' : '请转报乡镇。'
        }`,
      )
    : null;

export const jointItem: StateGuard = (s) =>
  s.item.joint.length > 0 ? null : reject('NOT_JOINT_CASE', `本件不是联办件，“${s.item.name}”没有联办部门，不需要部门审核意见。`);

export const jointReviewsComplete: StateGuard = (s) => {
  const missing = missingReviews(s);
  return missing.length === 0
    ? null
    : reject('JOINT_REVIEWS_INCOMPLETE', `联办部门还没有全部反馈审核意见，尚缺：${list(missing)}。请催办，全部反馈后再办结。`, {
        missing,
      });
};

export const hasSpecialSteps: StateGuard = (s) =>
  s.item.specialSteps.length > 0
    ? null
    : reject(
        'PAUSE_NOT_SPECIAL_STEP',
        `“${s.item.name}”没有规定特殊环节，不能暂停计时。办理中的其他等待时间都计入办结时限，请在期限内办结。`,
      );

export const noPendingExtension: StateGuard = (s) =>
  s.pendingExtension === null
    ? null
    : reject(
        'EXTENSION_ALREADY_PENDING',
        `本件已有一份延期申请（${s.pendingExtension.days} 个工作日）正在等待中心主任审批，请等审批结果出来后再办理。`,
      );

export const pendingExtension: StateGuard = (s) =>
  s.pendingExtension !== null ? null : reject('NO_EXTENSION_PENDING', '本件没有待审批的延期申请，无需审批。');

export const extensible: StateGuard = (s) => {
  if (extensionRoomDays(s) > 0) return null;
  const { legalDays, promisedDays } = s.item;
  return reject(
    'EXTENSION_BEYOND_LEGAL_LIMIT',
    legalDays === null
      ? `“${s.item.name}”没有法定办结时限，承诺的 ${promisedDays} 个工作日就是向群众公开的最长时限，不能延期。请在期限内办结；确有困难请报告中心主任协调。`
      : `“${s.item.name}”的法定办结时限是 ${legalDays} 个工作日，本件（承诺 ${promisedDays} 个工作日，已延期 ${s.extensionDays} 个工作日）已用足法定时限，不能再延期。`,
  );
};

// ------------------------------------------------------------------------- input-dependent checks

export const materialsInGuide = (item: CaseItemFacts, names: readonly string[]): Rejection | null => {
  const unknown = namesNotInGuide(item, names);
  return unknown.length === 0
    ? null
    : reject(
        'MATERIAL_NOT_IN_GUIDE',
        `以下材料不在“${item.name}”办事指南的材料清单中：${list(unknown)}。办事指南是材料要求的唯一依据，不能要求群众提交清单以外的材料；请按清单中的名称填写。`,
        { materials: unknown },
      );
};

/** Rule 1: one notice per case; later only a recorded defect in a material already on file. */
export const oneTimeNotice = (s: CaseState, input: ActionInput<'notify-supplement'>): Rejection | null => {
  const named = unique(input.missing);
  const onFile = named.filter((n) => s.providedMaterials.includes(n));
  if (s.supplementNotice === null) {
    if (onFile.length > 0 && isBlank(input.defectNote)) {
      return reject(
        'DEFECT_NOTE_REQUIRED',
        `以下材料群众已经提交：${list(onFile)}。要求重新提交已交材料，请在“缺陷说明”中写明每份材料的缺陷。`,
        { materials: onFile },
      );
    }
    return null;
  }
  if (isBlank(input.defectNote)) {
    return reject(
      'SUPPLEMENT_ALREADY_NOTIFIED',
      '本件已出具过一次性告知书，不能再次要求补正材料。如发现已交材料有缺陷，请在“缺陷说明”中写明后再告知。',
    );
  }
  const notOnFile = named.filter((n) => !s.providedMaterials.includes(n));
  if (notOnFile.length > 0) {
    return reject(
      'SUPPLEMENT_ALREADY_NOTIFIED',
      `本件已出具过一次性告知书。再次告知只能针对群众已提交材料的缺陷，以下材料不是已提交的材料：${list(notOnFile)}。告知书上尚未补交的材料无需再告知，告知书以外的材料不能再要求补交。`,
      { materials: notOnFile },
    );
  }
  return null;
};

export const supplementRequested = (s: CaseState, input: ActionInput<'supplement'>): Rejection | null => {
  const requested = requestedMaterials(s);
  const extra = unique(input.materials.filter((n) => !requested.includes(n)));
  if (extra.length === 0) return null;
  const outstanding = outstandingMaterials(s);
  return reject(
    'SUPPLEMENT_NOT_REQUESTED',
    `以下材料不在一次性告知书要求补正的范围内：${list(extra)}。请只登记告知书上列明的材料${
      outstanding.length > 0 ? `；本件尚缺：${list(outstanding)}` : ''
    }。`,
    { materials: extra, outstanding },
  );
};

/** Rule 2: a return or a denial needs both reasons and basis. */
export const writtenRefusal = (input: { reasons?: string | undefined; basis?: string | undefined }, what: '退回' | '不予批准'): Rejection | null => {
  const lacking = [isBlank(input.reasons) ? '理由' : null, isBlank(input.basis) ? '依据' : null].filter((x) => x !== null);
  return lacking.length === 0
    ? null
    : reject(
        'REFUSAL_REASONS_REQUIRED',
        `${what}必须书面写明理由和依据，现在缺少：${list(lacking)}。请补充后再保存；保存后将进入否定报备，由中心主任审查。`,
        { lacking },
      );
};

export const specialStep = (s: CaseState, input: ActionInput<'pause'>): Rejection | null => {
  const step = s.item.specialSteps.find((st) => st.name === input.reason.trim());
  const declared = s.item.specialSteps.map((st) => `${st.name}（不超过 ${st.limitDays} 个工作日）`);
  if (!step) {
    return reject(
      'PAUSE_NOT_SPECIAL_STEP',
      `只有办事指南规定的特殊环节才能暂停计时，“${input.reason}”不是本事项的特殊环节。本事项的特殊环节有：${list(declared)}。`,
      { steps: s.item.specialSteps.map((st) => st.name) },
    );
  }
  return input.limitDays <= step.limitDays
    ? null
    : reject(
        'PAUSE_LIMIT_EXCEEDED',
        `“${step.name}”环节的时限是 ${step.limitDays} 个工作日，暂停计时不能超过这个时限（本次填写了 ${input.limitDays} 个工作日）。`,
        { limitDays: step.limitDays },
      );
};

export const beforeDue = (s: CaseState, now: Date): Rejection | null =>
  s.dueAt !== null && now.getTime() > Date.parse(s.dueAt)
    ? reject(
        'EXTENSION_AFTER_DUE',
        `本件已于 ${shanghaiTime(s.dueAt)} 到期，超过期限后不能再延期。延期须在到期前申请并经中心主任批准；请尽快办结，并如实说明超期原因。`,
        { dueAt: s.dueAt },
      )
    : null;

export const withinLegalLimit = (s: CaseState, days: number): Rejection | null => {
  const room = extensionRoomDays(s);
  return days <= room
    ? null
    : reject(
        'EXTENSION_BEYOND_LEGAL_LIMIT',
        `延期不能超过法定办结时限（${s.item.legalDays} 个工作日）：本件承诺 ${s.item.promisedDays} 个工作日，已延期 ${s.extensionDays} 个工作日，最多还能延期 ${room} 个工作日。`,
        { maxDays: room },
      );
};

export const jointReview = (s: CaseState, input: ActionInput<'review'>): Rejection | null => {
  if (!s.item.joint.includes(input.department)) {
    return reject('UNKNOWN_JOINT_DEPARTMENT', `“${input.department}”不是本事项的联办部门。本事项的联办部门是：${list(s.item.joint)}。`, {
      departments: s.item.joint,
    });
  }
  const given = s.reviews.find((r) => r.department === input.department);
  if (given) {
    return reject(
      'ALREADY_REVIEWED',
      `“${input.department}”已经提交过审核意见（${given.opinion === 'agree' ? '同意' : '不同意'}），不能重复提交。如需更正，请与牵头窗口联系后书面说明。`,
    );
  }
  if (input.opinion === 'disagree' && isBlank(input.comment)) {
    return reject('REVIEW_COMMENT_REQUIRED', '不同意办理时，请在审核意见中写明理由和依据，牵头窗口要据此书面告知群众。');
  }
  return null;
};

export const noDisagreement = (s: CaseState, input: ActionInput<'complete'>): Rejection | null => {
  if (input.outcome !== 'approved') return null;
  const against = s.reviews.filter((r) => r.opinion === 'disagree').map((r) => r.department);
  return against.length === 0
    ? null
    : reject(
        'JOINT_REVIEW_DISAGREED',
        `联办部门${list(against)}不同意办理，不能作出批准决定。请按“不予批准”办结，并写明理由和依据。`,
        { departments: against },
      );
};

/** Rule 6: only the legal fee, and every fee charged with its receipt number; proxy service itself is free. */
export const legalFee = (s: CaseState, input: ActionInput<'complete'>): Rejection | null => {
  if (input.feeCharged === undefined || input.feeCharged === 0) return null;
  if (s.holderLevel === 'village') {
    return reject(
      'FEE_ABOVE_STANDARD',
      `村便民服务室的代办、帮办服务一律免费，不能登记收费（本次填写 ${input.feeCharged} 元）。如事项有法定工本费，由办理的乡镇或县级窗口收取并开具票据。`,
      { standard: 0 },
    );
  }
  if (input.feeCharged > s.item.fee.amount) {
    // the reminder that 代办 is free belongs only on a case that came through an agent (代办、帮办)
    const proxyNote = s.proxy !== null || s.receivingLevel === 'village' ? '本件是代办件，代办服务一律免费。' : '';
    return reject(
      'FEE_ABOVE_STANDARD',
      s.item.fee.amount === 0
        ? `“${s.item.name}”不收费，请退还已收的 ${input.feeCharged} 元。${proxyNote}`
        : `“${s.item.name}”的收费标准是 ${s.item.fee.amount} 元，不能多收（本次填写 ${input.feeCharged} 元）。${proxyNote}`,
      { standard: s.item.fee.amount },
    );
  }
  return input.receiptNo?.trim()
    ? null
    : reject('FEE_RECEIPT_REQUIRED', `收取 ${input.feeCharged} 元须开具票据，请填写收费票据号码后再办结。`);
};
