/**
 * Evidence reuse (材料复用, DOMAIN.md "Public hall", issue 11 §2): a material kept for a real-named person (holder:
 * ID number, or 统一社会信用代码 for an organization, with the name given) with its trust level and validity, so a
 * later application of the same person — at the window or online, whichever account they use — shows it as already
 * on file and does not ask again.
 *
 * Trust levels: A issued by an authority (权威部门出具: the 证明/证照 a finished case of this center issued), B checked
 * against the original at a window (窗口核验: an ordinary case's intake or supplement at a township or county
 * window, or an online application the window accepted), C uploaded by the applicant and not yet checked (本人上传),
 * D promised (告知承诺, only for a material the catalog marks 可告知承诺). Only A and B spare the applicant later: an
 * unchecked upload is what the window is about to look at, and a promise stands in for the material only in the
 * application it was made for (the window verifies it afterwards; it is never carried to the next one).
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
    // 《出生医学证明》 and 出生医学证明 are one document
    .replace(/[《》〈〉]/g, '')
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
 * forms are not kept, a material already on file at level A is not downgraded, one already expired is not kept, and one
 * still on file for about as long is not written again (RENEW_AFTER_DAYS).
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
    .filter((m) => isValidOn(m, today) && !stillCovered(kept.get(m.materialName), m.validUntil));
}

/**
 * A check renews what is on file only when it moves the validity on by more than RENEW_AFTER_DAYS: a company that
 * brings the same licence every week keeps one record a year, not fifty, and what is read back per person stays small.
 */
export const RENEW_AFTER_DAYS = 30;
function stillCovered(onFileNow: Evidence | undefined, validUntil: IsoDate | null): boolean {
  if (!onFileNow) return false;
  if (onFileNow.validUntil === null) return true;
  return validUntil !== null && onFileNow.validUntil >= addCalendarDays(validUntil, -RENEW_AFTER_DAYS);
}

// ------------------------------------------------------------------------------------------------- holders

export type HolderKind = 'person' | 'organization';

/** Whose evidence it is: the real-named person or organization, by number, with the name as given. */
export interface Holder {
  kind: HolderKind;
  /** ID number (GB 11643) or 统一社会信用代码 (GB 32100), as holderNumber normalises it */
  number: string;
  name: string;
}

/** One number however it was typed: full-width digits, spaces and a lower-case x are the same number. */
export const holderNumber = (number: string): string => number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
/** One name however it was typed: full-width letters and spaces do not make another person. */
export const holderName = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '');

export const holderOf = (h: { kind: HolderKind; number: string; name: string }): Holder => ({ kind: h.kind, number: holderNumber(h.number), name: holderName(h.name) });

/**
 * Evidence is shown and reused only for the same kind, number AND name: the real-name check of an account proves
 * that the number is well-formed, not whose it is; the name as well keeps a typo in either from handing one person's
 * materials to another.
 */
export const sameHolder = (a: Holder, b: Holder): boolean => a.kind === b.kind && holderNumber(a.number) === holderNumber(b.number) && holderName(a.name) === holderName(b.name);

// ------------------------------------------------------------------------------------------------- A: issued

/** What an issued document's name ends with: 证, 证明, 证书, 执照, 许可证, 批准书, 凭证. */
const DOCUMENT = /(证|证明|证书|执照|批准书|凭证)$/;

/**
 * The documents (证明/证照) an item's result (办理结果) issues: every 《title》 that names a document, or the result
 * itself when it is one plain document name (户口注销证明; 村（居）委会出具的死亡情况证明 → 死亡情况证明). A result that
 * is a payment, a notice or a sentence (补贴按月发放，…) issues none.
 */
export function issuedDocuments(result: string): string[] {
  const text = result.normalize('NFKC').trim();
  const titled = [...text.matchAll(/《([^》]+)》/g)].map((m) => m[1]!.trim()).filter((t) => DOCUMENT.test(t));
  if (titled.length > 0) return [...new Set(titled)];
  const plain = text.replace(/[(（][^)）]*[)）]$/, '').trim();
  if (/[,，、;；或和及]/.test(plain)) return [];
  const last = plain.split('的').at(-1)!.trim();
  return last && DOCUMENT.test(last) ? [last] : [];
}

// ------------------------------------------------------------------------------------------------- from cases

/** What one case step means for the holder's evidence. */
export type EvidenceChange =
  | { kind: 'keep'; materialName: string; level: 'A' | 'B'; validUntil: IsoDate | null }
  /** a defect the window found in materials this case had kept: they are not on file any more */
  | { kind: 'withdraw'; materialNames: string[] };

export interface CaseStepFacts {
  type: string;
  channel: string;
  /** the step was recorded at a township or county center (a window), not at a village room */
  atWindow: boolean;
  data: Record<string, unknown>;
  /** the item's 办理结果 */
  result: string;
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const isoDateOrNull = (v: unknown): IsoDate | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/**
 * The evidence a case step leaves (the evidence consumer reads every case event through this):
 * - intake at a window (not an online application: its acceptance keeps what the clerk checked, with the files) and
 *   每一次登记补交 at a window: each material received is level B (checkedAtWindow's rules);
 * - a one-time notice or defect request naming materials: what this case kept of them is withdrawn;
 * - 办结 approved: each document the item's result issues is level A, valid until the date the clerk gave, if any.
 * A village room is not a window: what an agent collects is checked when the township accepts it.
 */
export function evidenceOfCaseStep(step: CaseStepFacts, existing: readonly Evidence[], today: IsoDate): EvidenceChange[] {
  const keep = (materials: string[]): EvidenceChange[] =>
    checkedAtWindow(materials.map((name) => ({ name })), existing, today).map((e) => ({ kind: 'keep', materialName: e.materialName, level: 'B', validUntil: e.validUntil }));
  switch (step.type) {
    case 'intake':
      return step.atWindow && step.channel !== 'online' ? keep(names(step.data.provided)) : [];
    case 'supplement':
      return step.atWindow ? keep(names(step.data.materials)) : [];
    case 'notify-supplement': {
      const named = names(step.data.missing);
      return named.length > 0 ? [{ kind: 'withdraw', materialNames: named }] : [];
    }
    case 'complete': {
      if (step.data.outcome !== 'approved') return [];
      const validUntil = isoDateOrNull(step.data.resultValidUntil);
      if (validUntil !== null && validUntil < today) return [];
      return issuedDocuments(step.result).map((materialName) => ({ kind: 'keep', materialName, level: 'A', validUntil }));
    }
    default:
      return [];
  }
}

// ------------------------------------------------------------------------------------------------- D: promised

/**
 * 告知承诺: the materials an applicant promises instead of providing, checked against the guide. Only a material the
 * catalog marks promisable (可告知承诺) may be promised; one the applicant also uploads is simply uploaded.
 */
export function checkPromises(
  guide: readonly { name: string; promisable?: boolean | undefined }[],
  promised: readonly string[],
): { ok: true; promised: string[] } | { ok: false; notPromisable: string[] } {
  const byKey = new Map(guide.map((m) => [materialKey(m.name), m]));
  const wanted = [...new Set(promised.map((p) => p.trim()).filter(Boolean))];
  const bad = wanted.filter((p) => !byKey.get(materialKey(p))?.promisable);
  if (bad.length > 0) return { ok: false, notPromisable: bad };
  return { ok: true, promised: wanted.map((p) => byKey.get(materialKey(p))!.name) };
}
