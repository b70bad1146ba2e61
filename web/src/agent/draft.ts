/**
 * The request being filled in, kept on the phone as it is typed (localStorage, per agent): a dropped signal, a
 * phone call or a closed browser loses nothing. The draft carries its own submission key, so sending it again
 * after a network failure can never register the same villager twice. Cleared only when the server accepted it.
 */
import type { HandlingMode } from '@domain/cases/presence';
import { checkPersonApplicant, checkPhone, type ApplicantInput } from '@domain/people/applicant';
import { parseIdNumber } from '@domain/people/id-number';
import { newKey } from './api';
import { todayOnPhone } from './format';

/** 代办 (signed authorisation), 帮办 (the villager signs) or 申请人本人办理 (the villager is here in person, rule 11) */
export type Mode = HandlingMode;
const MODES: readonly Mode[] = ['proxy', 'help', 'in_person'];
export type MaterialMark = boolean | 'na';

export interface Draft {
  itemCode: string | null;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  /** material name → handed over (true), not applicable to this villager ('na'); absent or false: missing */
  materials: Record<string, MaterialMark>;
  mode: Mode | null;
  /** a main material is missing: the written reasons and basis of the return (退回件, rule 2) */
  returnReasons: string;
  returnBasis: string;
  /** the Idempotency-Key of this request */
  key: string;
  savedAt: string | null;
}

export const emptyDraft = (): Draft => ({
  itemCode: null,
  name: '',
  idNumber: '',
  phone: '',
  address: '',
  materials: {},
  mode: null,
  returnReasons: '',
  returnBasis: '',
  key: newKey(),
  savedAt: null,
});

const storageKey = (userId: string) => `bianmin.agent.draft.v1.${userId}`;

export function loadDraft(userId: string): Draft | null {
  try {
    const raw = localStorage.getItem(storageKey(userId));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Draft>;
    const blank = emptyDraft();
    return {
      itemCode: typeof saved.itemCode === 'string' ? saved.itemCode : null,
      name: typeof saved.name === 'string' ? saved.name : '',
      idNumber: typeof saved.idNumber === 'string' ? saved.idNumber : '',
      phone: typeof saved.phone === 'string' ? saved.phone : '',
      address: typeof saved.address === 'string' ? saved.address : '',
      materials: saved.materials && typeof saved.materials === 'object' ? saved.materials : {},
      mode: MODES.includes(saved.mode as Mode) ? (saved.mode as Mode) : null,
      returnReasons: typeof saved.returnReasons === 'string' ? saved.returnReasons : '',
      returnBasis: typeof saved.returnBasis === 'string' ? saved.returnBasis : '',
      key: typeof saved.key === 'string' && saved.key.length >= 8 ? saved.key : blank.key,
      savedAt: typeof saved.savedAt === 'string' ? saved.savedAt : null,
    };
  } catch {
    return null;
  }
}

/** Whether anything worth keeping has been typed. */
export const hasContent = (d: Draft): boolean =>
  Boolean(d.itemCode || d.name.trim() || d.idNumber.trim() || d.phone.trim() || d.address.trim());

export function saveDraft(userId: string, draft: Draft): boolean {
  try {
    if (hasContent(draft)) localStorage.setItem(storageKey(userId), JSON.stringify(draft));
    else localStorage.removeItem(storageKey(userId));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(userId: string): void {
  try {
    localStorage.removeItem(storageKey(userId));
  } catch {
    // nothing to clear
  }
}

// ------------------------------------------------------------------------------------------------ checks
// The server's own checks (src/domain/people), so the phone says exactly what the server would refuse.

export function idNumberProblem(value: string): string | null {
  const checked = parseIdNumber(value, todayOnPhone());
  return checked.ok ? null : checked.error;
}

export function phoneProblem(value: string): string | null {
  const checked = checkPhone(value);
  return checked.ok ? null : checked.error;
}

/** The applicant as the server will store them: checked and normalised by the server's own function. */
export function applicantOf(d: Draft): ApplicantInput | null {
  const checked = checkPersonApplicant(
    { name: d.name, idNumber: d.idNumber, phone: d.phone, ...(d.address.trim() ? { address: d.address.trim() } : {}) },
    todayOnPhone(),
  );
  return checked.ok ? checked.value : null;
}
