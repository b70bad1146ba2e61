/**
 * How the monthly report names its lines and sections, the same on the screen and in the Excel (issue 13 §1). Pure.
 *
 * The window, item and department tables count the center's own cases only (本级): their lines add up to the 本级
 * line of the centers table, not to 合计 — said in their titles and closed by a 本级合计 line, so a reader can
 * reconcile them. A case the center received may be handled at a window of another center (escalated to the county
 * center): that window is named with its center, or two lines would both read 民政窗口.
 */
import type { OrgLevel } from '../orgs/tree.js';

export type GroupKind = 'windows' | 'items' | 'departments';

/** The section titles of the grouped tables (tab and Excel), and the heading of their first column. */
export const GROUP_SECTIONS: Record<GroupKind, { title: string; column: string }> = {
  windows: { title: '按窗口（本级）', column: '窗口' },
  items: { title: '按事项（本级）', column: '事项' },
  departments: { title: '按部门（本级）', column: '部门' },
};

/** The line that closes a grouped table: the center's own figures, equal to the 本级 line of the centers table. */
export const OWN_TOTAL_LINE = '本级合计';

/** Under each grouped table: what it counts and which line it adds up to. */
export const GROUP_NOTE = '本表只统计本级收件（不含下级单位），各行相加等于“分单位”表中“本级”一行；投诉、信访不分窗口、事项、部门，只计入本级合计。';

/** A window's line: its name, and its center's when that is not the report's own center. */
export function windowLabel(windowName: string, windowCenterName: string | null, ownCenter: boolean): string {
  return ownCenter || !windowCenterName ? windowName : `${windowName}（${windowCenterName}）`;
}

/** A center below in the centers table: a village alone, a township with everything under it. */
export const belowLabel = (name: string, level: OrgLevel): string => (level === 'village' ? name : `${name}（含下级）`);

/** How a version of a report came to be, for its line in the history and the status bar. */
export type VersionOrigin = 'snapshot' | 'correction';
export const VERSION_ORIGIN_NAMES: Record<VersionOrigin, string> = { snapshot: '月末锁定', correction: '更正' };

/** Version 1 is the month-end snapshot; every later version was made by a correction (which must give its reason). */
export const versionOrigin = (version: number): VersionOrigin => (version === 1 ? 'snapshot' : 'correction');
