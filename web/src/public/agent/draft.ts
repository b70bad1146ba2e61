/**
 * The request being filled in, kept on the phone as it is typed (localStorage, per agent): a dropped signal, a
 * phone call or a closed browser loses nothing. The draft carries its own submission key, so sending it again
 * after a network failure can never register the same villager twice. Cleared only when the server accepted it.
 */
import { newKey } from './api';

export type Mode = 'proxy' | 'help';
export type MaterialMark = boolean | 'na';

export interface Draft {
  itemCode: string | null;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  /** material name → handed over (true), not applicable to this villager ('na'); absent or false: missing */
  materials: Record<string, MaterialMark>;
  /** 代办 (signed authorisation) or 帮办 (the villager signs) */
  mode: Mode | null;
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
      mode: saved.mode === 'proxy' || saved.mode === 'help' ? saved.mode : null,
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

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643: 18 characters, the last one a check digit over the first 17. */
export function idNumberProblem(value: string): string | null {
  const id = value.trim().toUpperCase();
  if (!id) return '请填写申请人的身份证号码';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位，最后一位可以是数字或X，请核对';
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号码校验不对，可能有数字填错，请对照身份证再核对一遍';
  return null;
}

export function phoneProblem(value: string): string | null {
  const phone = value.replace(/[\s-]/g, '');
  if (!phone) return '请填写联系电话，办结后要通知群众';
  if (/^1\d{10}$/.test(phone) || /^0\d{9,11}$/.test(phone) || /^\d{7,8}$/.test(phone)) return null;
  return '联系电话应为11位手机号码或带区号的固定电话，请核对';
}
