/**
 * The materials checklist at intake against the guide (办事指南). A registration states every material of the
 * guide once: handed over (provided), not handed over (provided=false), or — an attachment only — not applicable
 * to this applicant (notApplicable; the guide has conditional ones, e.g. 结婚证（已婚的提供）). Leaving a material
 * out is not an answer: read as "not applicable" it let a forgotten photo through as 材料齐全, so the intake
 * refuses an incomplete checklist (checklistProblems, checklist-problems.ts) before it looks at what is missing
 * (checkMaterials). Its own file with no imports, so the village agent's phone page can use the same rule without
 * the rest.
 */
export interface ChecklistEntry {
  name: string;
  provided: boolean;
  /** a conditional attachment that does not apply to this applicant: neither on file nor missing */
  notApplicable?: boolean;
}

export interface ChecklistOutcome {
  /** materials on file, each once */
  provided: string[];
  /** every missing material, main ones included, in the guide's order */
  missing: string[];
  /** the missing main materials: the case cannot be accepted without them */
  missingMain: string[];
}

/**
 * What is on file and what is missing. A material stated provided=false is missing; one stated not applicable is
 * neither. A main material left off is missing too; an attachment left off is not counted missing — only the phone
 * page's preview reads a checklist before it is complete, the intake refuses one first (checklistProblems).
 */
export function checkMaterials(
  guide: readonly { name: string; main: boolean }[],
  checklist: readonly ChecklistEntry[],
): ChecklistOutcome {
  const provided = [...new Set(checklist.filter((m) => m.provided && m.notApplicable !== true).map((m) => m.name))];
  const applies = new Set(checklist.filter((m) => m.notApplicable !== true).map((m) => m.name));
  const missingMaterials = guide.filter((m) => !provided.includes(m.name) && (applies.has(m.name) || m.main));
  return {
    provided,
    missing: missingMaterials.map((m) => m.name),
    missingMain: missingMaterials.filter((m) => m.main).map((m) => m.name),
  };
}
