/**
 * Whether an intake's materials checklist can be read at all (src/domain/cases/materials.ts says what a checklist
 * states). Apart from materials.ts so that the phone pages, which load that file, do not carry this check.
 */
import type { ChecklistEntry } from './materials.js';

/** What keeps a checklist from being read at all; every list in the guide's order (names not in it: first seen). */
export interface ChecklistProblems {
  /** materials of the guide the checklist does not state */
  notStated: string[];
  /** materials stated more than once (the clerk must say which answer is right) */
  twice: string[];
  /** main materials stated as not applicable: a main material applies to every applicant */
  mainNotApplicable: string[];
  /** stated both handed over and not applicable */
  contradictory: string[];
}

/**
 * The problems of a checklist against the guide, or null when every material of the guide is stated exactly once
 * and each statement makes sense. Names outside the guide are the caller's to refuse (rules.ts materialsInGuide).
 */
export function checklistProblems(
  guide: readonly { name: string; main: boolean }[],
  checklist: readonly ChecklistEntry[],
): ChecklistProblems | null {
  const count = new Map<string, number>();
  for (const m of checklist) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  const inGuideOrder = (names: Iterable<string>) => {
    const set = new Set(names);
    return [...guide.map((m) => m.name).filter((n) => set.has(n)), ...[...set].filter((n) => !guide.some((m) => m.name === n))];
  };
  const main = new Set(guide.filter((m) => m.main).map((m) => m.name));
  const problems: ChecklistProblems = {
    notStated: guide.filter((m) => !count.has(m.name)).map((m) => m.name),
    twice: inGuideOrder([...count].filter(([, n]) => n > 1).map(([name]) => name)),
    mainNotApplicable: inGuideOrder(checklist.filter((m) => m.notApplicable === true && main.has(m.name)).map((m) => m.name)),
    contradictory: inGuideOrder(checklist.filter((m) => m.notApplicable === true && m.provided).map((m) => m.name)),
  };
  return Object.values(problems).some((names) => names.length > 0) ? problems : null;
}

