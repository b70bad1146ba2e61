/**
 * Intake (收件): what happens to a request the moment it is received, before any action. Decides who may apply
 * (proxy rules), whether the item can be received here, checks the materials against the guide, and derives
 * the case's kind and first status. `openCase` turns the decision into the first CaseState.
 */
import { isAbove, type OrgLevel } from '../orgs/tree.js';
import { decisionOf, type Decision } from './decision.js';
import {
  centerName,
  sixKindLabel,
  type CaseChannel,
  type CaseItemFacts,
  type CaseKind,
  type CaseState,
  type Refusal,
} from './model.js';
import { checklistProblems, type ChecklistProblems } from './checklist-problems.js';
import { checkMaterials, type ChecklistEntry } from './materials.js';
import { modeOf, notReceivableHere, presenceRejection } from './presence.js';
import { canAcceptAt, list, materialsInGuide, reject, writtenRefusal, type Rejection } from './rules.js';
import { startDeadline } from './transitions.js';
import type { Venue } from '../agents/venue.js';

export interface IntakeRequest {
  item: CaseItemFacts;
  receivingLevel: OrgLevel;
  channel: CaseChannel;
  /** The checklist by the guide's names: every material of the guide once (materials.ts says how). */
  materials: readonly ChecklistEntry[];
  /** present when someone applies on the applicant's behalf (代理件) */
  proxy?: { authorized: boolean } | null;
  windowId?: string | null;
  /**
   * Where the applicant can apply instead, when this center cannot take the request (looked up by the caller from
   * the org tree, windows and offerings); only read for the refusal message.
   */
  venue?: Venue | null;
}

interface IntakeBase {
  ok: true;
  kind: CaseKind;
  /** materials on file */
  provided: string[];
  /** what to tell the clerk */
  message: string;
}

export type IntakeDecision =
  /** a main material is missing: to be returned (退回件), with reasons and basis the clerk must write */
  | (IntakeBase & { outcome: 'return'; status: 'returned'; missingMain: string[]; missing: string[] })
  /** main materials present, attachments missing: accept with ONE notice listing all of them (补办件) */
  | (IntakeBase & { outcome: 'supplement'; status: 'awaiting_supplement'; missing: string[] })
  /** complete: accepted on the spot at a window that may accept it, otherwise received to be forwarded/accepted */
  | (IntakeBase & { outcome: 'accept'; status: 'in_progress' | 'submitted'; clock: 'start' | 'none' });

/**
 * 上报件 when the item is decided at the county and received below it (the township carries it through);
 * a township item received at a village is forwarded (rule 9), not escalated.
 */
export function caseKindFor(item: CaseItemFacts, receivingLevel: OrgLevel): CaseKind {
  if (isAbove(item.level, 'township') && isAbove(item.level, receivingLevel)) return 'escalated';
  if (item.joint.length > 0) return 'joint';
  return item.kind === 'immediate' ? 'immediate' : 'promised';
}

/**
 * A checklist that does not state every material of the guide exactly once is sent back to the clerk: what was left
 * out is not known to be handed over, and a material answered twice has no answer (materials.ts).
 */
function uncheckedMaterials(problems: ChecklistProblems | null): Rejection | null {
  if (!problems) return null;
  const { notStated, twice, mainNotApplicable, contradictory } = problems;
  const parts = [
    notStated.length > 0 && `${list(notStated)} 未登记是否提交`,
    twice.length > 0 && `${list(twice)} 登记了不止一次`,
    mainNotApplicable.length > 0 && `${list(mainNotApplicable)} 是主件，不能登记为不适用`,
    contradictory.length > 0 && `${list(contradictory)} 既登记已提交又登记不适用`,
  ].filter((p): p is string => typeof p === 'string');
  return reject(
    'MATERIALS_NOT_CHECKED',
    `请逐项核对材料：${parts.join('；')}。办事指南中的每项材料都要登记一次：已提交、未提交，或附件对该申请人不适用。`,
    { notStated, twice, mainNotApplicable, contradictory },
  );
}

export function decideIntake(request: IntakeRequest): IntakeDecision | Rejection {
  const { item, receivingLevel, channel, proxy } = request;

  // Rule 11: who is in front of the center decides whether it may be received (an agent without a signed
  // authorisation only helps, 帮办: the applicant signs). Where it cannot be received at all, the message names the
  // place to go (the venue the caller looked up), never the room the applicant stands in.
  const presence = presenceRejection(item, receivingLevel, modeOf(proxy), request.venue);
  if (presence) return presence;
  const elsewhere = notReceivableHere(item, receivingLevel, request.venue);
  if (elsewhere) return elsewhere;
  if (channel === 'online' && !item.onlineAllowed) {
    return reject('ONLINE_NOT_ALLOWED', `“${item.name}”没有开通网上申办，请告知群众到窗口或通过村代办员办理。`);
  }
  const notInGuide = materialsInGuide(
    item,
    request.materials.map((m) => m.name),
  );
  if (notInGuide) return notInGuide;
  const unchecked = uncheckedMaterials(checklistProblems(item.materials, request.materials));
  if (unchecked) return unchecked;

  const { provided, missing, missingMain } = checkMaterials(item.materials, request.materials);
  const kind = caseKindFor(item, receivingLevel);

  if (missingMain.length > 0) {
    return {
      ok: true,
      outcome: 'return',
      status: 'returned',
      kind,
      provided,
      missingMain,
      missing,
      message: `缺少主件：${list(missingMain)}，不能受理。请写明退回理由和依据，出具退回件通知书${
        missing.length > missingMain.length ? `，并一并告知还缺：${list(missing.filter((n) => !missingMain.includes(n)))}` : ''
      }。`,
    };
  }
  if (missing.length > 0) {
    return {
      ok: true,
      outcome: 'supplement',
      status: 'awaiting_supplement',
      kind,
      provided,
      missing,
      message: `主件齐全，缺少：${list(missing)}。请出具一次性告知书，一次列明以上全部材料；材料补齐之日起计算办结时限。`,
    };
  }
  // A window accepts on the spot; so does a village agent for the village's own items (certificates and other
  // village-level matters, finished at once), and a window's pre-review of an online application, the only way a
  // case of that channel is opened (src/domain/applications). Anything decided higher up waits at the village.
  const onTheSpot = (channel === 'window' || channel === 'online' || (channel === 'agent' && item.level === 'village')) && canAcceptAt(item, receivingLevel);
  return {
    ok: true,
    outcome: 'accept',
    status: onTheSpot ? 'in_progress' : 'submitted',
    clock: onTheSpot ? 'start' : 'none',
    kind,
    provided,
    message: onTheSpot
      ? channel === 'online'
        ? '网上申请预审通过，材料齐全，已受理。'
        : kind === 'escalated'
        ? `材料齐全，当场受理。本件须上报${centerName('county')}决定，请出具上报件通知书，由本中心全程代理。`
        : '材料齐全，当场受理。'
      : canAcceptAt(item, receivingLevel)
        ? '材料齐全，已收件，请窗口审核后受理。'
        : `材料齐全，已收件。请转报${centerName('township')}（急件随收随报，普通件每周一集中报送）。`,
  };
}

/** The intake as a Decision like any action's (from: null), with what the intake check found. */
export type OpenedCase = Decision & { intake: IntakeDecision };

/**
 * The first state of a new case, as a Decision naming all its consequences: the first status and clock, the
 * deadlines when accepted on the spot, the hop it starts waiting for, and the intake event. A request to be
 * returned needs the clerk's written reasons and basis (rule 2); they are never invented here.
 */
export function openCase(request: IntakeRequest, ctx: { now: Date }, refusal?: Partial<Refusal>): OpenedCase | Rejection {
  const intake = decideIntake(request);
  if (!intake.ok) return intake;
  const now = ctx.now.toISOString();
  const base: CaseState = {
    kind: intake.kind,
    status: intake.status,
    receivingLevel: request.receivingLevel,
    holderLevel: request.receivingLevel,
    transit: null,
    windowId: request.windowId ?? null,
    item: request.item,
    providedMaterials: intake.provided,
    supplementNotice: null,
    defectRequests: [],
    clock: 'not_started',
    pausedAt: null,
    activeStep: null,
    acceptedAt: null,
    dueAt: null,
    legalDueAt: null,
    extensionDays: 0,
    pendingExtension: null,
    reviews: [],
    outcome: null,
    resultNo: null,
    refusal: null,
    delivery: null,
    completedAt: null,
    proxy: request.proxy ?? null,
  };
  const opened = (state: CaseState, clock: Decision['clock'], deadline: Decision['deadline'] = null): OpenedCase => ({
    ...decisionOf(null, {
      action: 'intake',
      to: state.status,
      clock,
      state,
      deadline,
      data: {
        message: intake.message,
        kind: sixKindLabel(state),
        provided: intake.provided,
        missing: 'missing' in intake ? intake.missing : [],
        channel: request.channel,
        proxy: request.proxy ?? null,
        // who was in front of the receiving center (rule 11): 申请人本人办理, 代办 or 帮办
        presence: modeOf(request.proxy),
      },
    }),
    intake,
  });
  switch (intake.outcome) {
    case 'return': {
      const refused = writtenRefusal(refusal ?? {}, '退回');
      if (refused) return refused;
      return opened({ ...base, clock: 'stopped', refusal: { reasons: refusal!.reasons!.trim(), basis: refusal!.basis!.trim() } }, 'stop');
    }
    case 'supplement':
      return opened({ ...base, supplementNotice: { missing: intake.missing, defectNote: null, at: now } }, 'none');
    case 'accept':
      if (intake.clock === 'none') return opened(base, 'none');
      return opened({ ...base, clock: 'running', acceptedAt: now }, 'start', startDeadline(request.item, ctx.now));
  }
}
