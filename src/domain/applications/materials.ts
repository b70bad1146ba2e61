/**
 * The one rule of what an online application must carry (issue 11 §2): every main material (主件) of the guide,
 * uploaded with it or already on file. The apply form asks it before a villager sends photos over a slow network;
 * the server's decision (application.ts) asks it again. Pure, and small enough for the public page.
 */
import { materialKey } from './evidence.js';

/** The main materials neither uploaded nor on file, in the guide's order. */
export function missingMainMaterials(guide: readonly { name: string; main: boolean }[], given: readonly string[]): string[] {
  const have = new Set(given.map(materialKey));
  return guide.filter((m) => m.main && !have.has(materialKey(m.name))).map((m) => m.name);
}

export const missingMainMessage = (names: readonly string[]) => `请上传以下必交材料后再提交：${names.join('、')}。`;
