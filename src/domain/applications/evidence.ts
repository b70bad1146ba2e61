/**
 * Evidence reuse (材料复用, DOMAIN.md "Public hall", issue 11 §2): a material kept for an applicant with its trust
 * level and validity, so a later application that needs it shows it as already on file and does not ask again.
 *
 * Trust levels: A issued by an authority (权威部门出具, e.g. an electronic licence), B checked against the original at
 * a window (窗口核验), C uploaded by the applicant and not yet checked (本人上传), D promised (告知承诺). Only A and B
 * spare the applicant: an unchecked upload is what the window is about to look at, and a promise is made for one case.
 * Forms that belong to one application (申请表, 申请书, 承诺书, 委托书) are never reused, whatever their level.
 *
 * Pure: today's date is an argument.
 */
import { addCalendarDays, type IsoDate } from '../calendar/calendar.js';

export const TRUST_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];
export const TRUST_LEVEL_NAMES: Record<TrustLevel, string> = {
  A: '权威部门出具',
  B: '窗口已核验',
  C: '本人上传，未核验',
  D: '告知承诺',
};

/** Levels that count as on file for a later application. */
export const REUSABLE_LEVELS: readonly TrustLevel[] = ['A', 'B'];

/** A material checked at a window is kept this long unless the clerk gives its own expiry (e.g. the ID card's). */
export const DEFAULT_VALIDITY_DAYS = 365;

export interface Evidence {
  id: string;
  materialName: string;
  level: TrustLevel;
  /** last day it may be used; null: no expiry (a birth certificate) */
  validUntil: IsoDate | null;
  /** when it was issued or checked (ISO instant) */
  checkedAt: string;
}

/** Forms of one application: filled in for that application, never carried to the next. */
const PER_APPLICATION = /申请表|申请书|登记表|承诺书|委托书|授权书|声明书/;

export const isPerApplication = (materialName: string): boolean => PER_APPLICATION.test(materialName);

/**
 * The key two material names are matched by: the guide of one item says 居民身份证（原件）, another 居民身份证 ; full-
 * and half-width brackets, spaces, and the 原件/复印件/扫描件 qualifiers do not make a different material.
 */
export function materialKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*(原件|复印件|扫描件|副本|正本)[^)）]*[)）]/g, '')
    .replace(/(原件|复印件|扫描件)$/g, '');
}

const rank = (level: TrustLevel): number => TRUST_LEVELS.indexOf(level);

export const isValidOn = (e: Pick<Evidence, 'validUntil'>, today: IsoDate): boolean => e.validUntil === null || e.validUntil >= today;

/**
 * For each material of the guide, the evidence that spares the applicant from providing it again: reusable level,
 * valid today, not a per-application form; the highest level wins, then the most recently checked.
 */
export function onFile(guide: readonly { name: string }[], evidence: readonly Evidence[], today: IsoDate): Map<string, Evidence> {
  const found = new Map<string, Evidence>();
  for (const material of guide) {
    if (isPerApplication(material.name)) continue;
    const key = materialKey(material.name);
    let best: Evidence | undefined;
    for (const e of evidence) {
      if (!REUSABLE_LEVELS.includes(e.level) || !isValidOn(e, today) || materialKey(e.materialName) !== key) continue;
      if (!best || rank(e.level) < rank(best.level) || (e.level === best.level && e.checkedAt > best.checkedAt)) best = e;
    }
    if (best) found.set(material.name, best);
  }
  return found;
}

/**
 * The evidence a window's acceptance leaves for next time: each material the clerk checked becomes level B, valid
 * until the clerk's date (null: no expiry) or, when none was given, DEFAULT_VALIDITY_DAYS from today. Per-application
 * forms are not kept, a material already on file at level A is not downgraded, and one already expired is not kept.
 */
export function checkedAtWindow(
  materials: readonly { name: string; validUntil?: IsoDate | null | undefined }[],
  existing: readonly Evidence[],
  today: IsoDate,
): { materialName: string; level: 'B'; validUntil: IsoDate | null }[] {
  const kept = onFile(materials, existing, today);
  return materials
    .filter((m) => !isPerApplication(m.name) && kept.get(m.name)?.level !== 'A')
    .map((m) => ({ materialName: m.name, level: 'B' as const, validUntil: m.validUntil === undefined ? addCalendarDays(today, DEFAULT_VALIDITY_DAYS) : m.validUntil }))
    .filter((m) => isValidOn(m, today));
}
