/**
 * Text people type into the system: every free-text field has a length limit (a form field is not a file
 * store, and a 2 MB "reason" would end up on every printed notice and in every export), and names refuse
 * characters nobody can see. A name with a zero-width space or a right-to-left override looks like another
 * person's, organisation's or item's name on screen and on paper, but is not equal to it — a duplicate check
 * passes, a search misses it, a printed notice reads backwards. Such characters come in by copying from web
 * pages and chat apps; the message says so, so the clerk knows to retype the name.
 *
 * One set of zod helpers for every schema (module routes and domain inputs alike). Pure.
 */
import { z } from 'zod';

/**
 * Characters a name may not hold, as code point ranges: C0 and C1 controls (tab and line breaks too: a name is one
 * line), the soft hyphen, the combining grapheme joiner, Arabic letter mark, Hangul and Khmer fillers, Mongolian
 * vowel separator and variation selectors, zero-width characters and joiners, LTR/RTL marks, line and paragraph
 * separators, bidi embeddings, overrides and isolates, word joiner and invisible operators, Hangul filler,
 * variation selectors, the byte order mark, halfwidth Hangul filler and interlinear annotation marks.
 */
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
];

/** What a multi-line text may not hold: the controls other than tab and line breaks, and bidi overrides. */
const CONTROL: readonly (readonly [number, number])[] = [
  [0x00, 0x08],
  [0x0b, 0x0c],
  [0x0e, 0x1f],
  [0x7f, 0x9f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];

const firstIn = (text: string, ranges: readonly (readonly [number, number])[]): number | null => {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ranges.some(([from, to]) => cp >= from && cp <= to)) return cp;
  }
  return null;
};

/** The first invisible or control character of a name, as U+XXXX, or null. */
export function invisibleCharacterIn(text: string): string | null {
  const cp = firstIn(text, INVISIBLE);
  return cp === null ? null : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refusal of a name with such a character, for schemas that build their own string checks (item 俗称). */
export const invisibleMessage = (label: string) =>
  `${label}中有看不见的字符或控制字符（多为从网页、聊天软件复制时带入），请删除后重新输入${label}。`;

/** A name (person, organisation, item, window, user): one line, trimmed, required, at most `max` characters. */
export function nameText(label: string, max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((s) => invisibleCharacterIn(s) === null, { error: invisibleMessage(label) });
}

/** Emoji and picture symbols (😀 ★ ☎): never part of a name on an ID card or a business licence. */
const PICTOGRAPH = /[\p{Extended_Pictographic}\p{So}]/u;

/**
 * A person's (or a company's) name, as on the ID card or licence: it goes onto notices, evidence and SMS, so an emoji
 * typed by a phone keyboard is refused like an invisible character.
 */
export function personNameText(label: string, max: number) {
  return nameText(label, max).refine((s) => !PICTOGRAPH.test(s), { error: `${label}中有表情或图形符号，请按身份证件（或营业执照）上的写法填写。` });
}

/**
 * Free text (reasons, basis, comments, addresses, notes): trimmed, at most `max` characters, line breaks allowed
 * but no other control characters. Optional by default; `required` makes an empty one an error.
 */
export function freeText(label: string, max: number, options: { required?: boolean } = {}) {
  const base = z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}必须是文字`) })
    .trim();
  return (options.required ? base.min(1, { error: `请填写${label}` }) : base)
    .max(max, { error: `${label}不能超过 ${max} 个字，请精简后再提交` })
    .refine((s) => firstIn(s, CONTROL) === null, { error: `${label}中有控制字符（多为从其他软件复制时带入），请删除后重新输入。` });
}

/** Common limits, so the same kind of field has the same limit everywhere. */
/** An id chosen from a list the page offered (a center, a service): missing, it is a thing to pick, not text too short. */
export const pickedId = (label: string) => z.string({ error: `请选择${label}` }).min(1, { error: `请选择${label}` }).max(100);

export const TEXT_LIMITS = {
  personName: 60,
  orgName: 60,
  address: 100,
  phone: 30,
  /** a material's, a step's or a department's name */
  shortName: 100,
  /** one reason, a comment, a note */
  reason: 500,
  /** the written reasons for a refusal (退回/不予批准) and the legal basis: they go on a notice */
  refusal: 1000,
  /** codes and numbers typed by people: item code, result number, receipt number */
  code: 60,
} as const;
