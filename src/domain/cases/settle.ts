/**
 * Settles a Decision where the case is (ARCHITECTURE.md "One case pipeline"): counts its deadline effect on the
 * official calendar, names the organisations that hold the case and that it is on its way to, turns its hop
 * changes into hop rows with their limits (rule 9), and completes its event. Pure: the centers of the case, their
 * office hours and the calendar are handed in as plain data, and the runner writes what comes out as it is.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import type { OfficeHours } from '../calendar/office-hours.js';
import type { OrgLevel } from '../orgs/tree.js';
import type { CaseEventRecord, Decision, RegisterChange } from './decision.js';
import { applyDeadline, dueDateChange, type CenterTime } from './deadlines.js';
import { hopLimit, limitWhenSent, type HopKind } from './hops.js';
import type { CaseState } from './model.js';

/** A center as the case rules need it: where it is in the tree and the hours its time limits are counted in. */
export interface Center {
  id: string;
  level: OrgLevel;
  hours: OfficeHours;
  timeZone: string;
}

/** A hop of the case still under way (not yet received), as stored. */
export interface OpenHop {
  id: string;
  kind: HopKind;
  readyAt: string;
  dueAt: string;
  toOrgId: string;
}

/** Where the case is: everything `settle` reads besides the decision. */
export interface CaseSite {
  calendar: WorkingCalendar;
  /** the center that received the case, then each center above it */
  chain: readonly Center[];
  /** the center holding the case before the step (at intake: the receiving center) */
  holder: Center;
  /** the center it is on its way to before the step, if any */
  transit: Center | null;
  /** its hops not yet received, newest first */
  openHops: readonly OpenHop[];
  /**
   * The window each center of the case handles its item at (centers without one are not in it): read when the case
   * changes hands, where it is placed at the new holder's window. Absent: the step moves no case between centers.
   */
  itemWindows?: Readonly<Record<string, string>>;
}

/** A hop row to write: a new one, one sent or received, or the unsent ones dropped. */
export type HopWrite =
  | {
      type: 'insert';
      kind: HopKind;
      fromOrgId: string;
      toOrgId: string;
      materials: string[];
      readyAt: string;
      dueAt: string;
      /** sent at once (the hand-back): by the actor, now */
      sent: boolean;
    }
  | { type: 'send'; id: string; urgent: boolean; batchId: string | null; materials: string[]; toOrgId: string; dueAt: string }
  | { type: 'receive'; id: string }
  | { type: 'delete-unsent' }
  /** the hop's limit counted again after a year's arrangement was imported */
  | { type: 'limit'; id: string; dueAt: string };

/** Everything a step writes, settled. */
export interface SettledStep {
  state: CaseState;
  holderOrgId: string;
  transitOrgId: string | null;
  /** the stored light is counted in the office hours of whoever holds the case after the step */
  lightTime: CenterTime;
  /** set when the step completed the case */
  completedAt: string | null;
  /** set when an imported year moved the due date (the director's 期限已调整 list) */
  dueRecountedAt: string | null;
  /** null: nothing to record */
  event: CaseEventRecord | null;
  hops: HopWrite[];
  register: RegisterChange | null;
}

const timeOf = (calendar: WorkingCalendar, c: Center): CenterTime => ({ calendar, hours: c.hours, timeZone: c.timeZone });

/** The center of the case's chain at `level`; undefined where the tree has none. */
const centerAt = (site: CaseSite, level: OrgLevel): Center | undefined => site.chain.find((c) => c.level === level);

/**
 * Who holds the case after the step: unchanged while its level stays; back where it came in; otherwise the center
 * it was sent to, or the one above at that level.
 */
function holderAfter(before: CaseState | null, after: CaseState, site: CaseSite): Center {
  if (before === null || after.holderLevel === before.holderLevel) return site.holder;
  if (after.holderLevel === after.receivingLevel) return site.chain[0] ?? site.holder;
  return site.transit ?? centerAt(site, after.holderLevel) ?? site.holder;
}

export function settle(before: CaseState | null, decision: Decision, site: CaseSite, ctx: { now: Date; batchId?: string | null }): SettledStep {
  const at = ctx.now.toISOString();
  // deadlines and hop limits are counted where the case was when the step was taken
  const time = timeOf(site.calendar, site.holder);
  const counted = applyDeadline(decision.state, decision.deadline, time);
  const holder = holderAfter(before, counted, site);
  // a case that changes hands lies at its new holder's window for the item, where that center's clerks find it as
  // theirs (我的窗口, the window's lights and messages); at a center with none for the item (a village), at none
  const state = holder.id === site.holder.id || !site.itemWindows ? counted : { ...counted, windowId: site.itemWindows[holder.id] ?? null };
  const transit = decision.placement.transit === null ? null : (centerAt(site, decision.placement.transit) ?? null);

  const hops: HopWrite[] = [];
  const openHop = (kind: HopKind) => site.openHops.find((h) => h.kind === kind);
  for (const change of decision.hops) {
    if (change.type === 'cancel-unsent') {
      hops.push({ type: 'delete-unsent' });
      continue;
    }
    const open = openHop(change.kind);
    if (change.type === 'open') {
      if (open) continue; // already waiting (a pause or supplement in between)
      const handBack = change.kind === 'hand-back';
      const to = handBack ? (site.chain[0] ?? holder) : (centerAt(site, change.kind === 'village-township' ? 'township' : 'county') ?? holder);
      hops.push({
        type: 'insert',
        kind: change.kind,
        fromOrgId: handBack ? site.holder.id : holder.id,
        toOrgId: to.id,
        materials: handBack ? [] : state.providedMaterials,
        readyAt: at,
        dueAt: hopLimit(change.kind, ctx.now, {}, time).toISOString(),
        sent: change.sent,
      });
    } else if (change.type === 'send' && open) {
      hops.push({
        type: 'send',
        id: open.id,
        urgent: change.urgent,
        batchId: ctx.batchId ?? null,
        materials: state.providedMaterials,
        toOrgId: transit?.id ?? open.toOrgId,
        dueAt: limitWhenSent(change.kind, new Date(open.readyAt), new Date(open.dueAt), change.urgent, time).toISOString(),
      });
    } else if (change.type === 'receive' && open) {
      hops.push({ type: 'receive', id: open.id });
    } else if (change.type === 'move-limit' && open) {
      hops.push({ type: 'limit', id: open.id, dueAt: change.dueAt });
    }
  }

  const recorded = decision.event;
  const event: CaseEventRecord | null =
    recorded === null || before === null || decision.register !== null
      ? recorded
      : { ...recorded, data: { ...recorded.data, ...(ctx.batchId ? { batchId: ctx.batchId } : {}), ...dueDateChange(before, state) } };
  return {
    state,
    holderOrgId: holder.id,
    transitOrgId: transit?.id ?? null,
    lightTime: timeOf(site.calendar, holder),
    completedAt: decision.to === 'completed' && decision.from !== 'completed' ? at : null,
    dueRecountedAt: decision.dueRecounted ? at : null,
    event,
    hops,
    register: decision.register,
  };
}
