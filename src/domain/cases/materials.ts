/**
 * The materials checklist at intake against the guide (办事指南): what is on file and what is missing. A material
 * listed with provided=false is missing; a main material (主件) not listed at all is missing too; an attachment
 * not listed is taken as not applicable to this applicant (the guide has conditional ones, e.g. 结婚证（已婚的提供）).
 * Its own file with no imports, so the village agent's phone page can use the same rule without the rest.
 */
export interface ChecklistOutcome {
  /** materials on file, each once */
  provided: string[];
  /** every missing material, main ones included, in the guide's order */
  missing: string[];
  /** the missing main materials: the case cannot be accepted without them */
  missingMain: string[];
}

export function checkMaterials(
  guide: readonly { name: string; main: boolean }[],
  checklist: readonly { name: string; provided: boolean }[],
): ChecklistOutcome {
  const provided = [...new Set(checklist.filter((m) => m.provided).map((m) => m.name))];
  const listed = new Set(checklist.map((m) => m.name));
  const missingMaterials = guide.filter((m) => !provided.includes(m.name) && (listed.has(m.name) || m.main));
  return {
    provided,
    missing: missingMaterials.map((m) => m.name),
    missingMain: missingMaterials.filter((m) => m.main).map((m) => m.name),
  };
}
