/**
 * The five levels of 好差评 (国办发〔2019〕51号; GB/T 39046 A.8 满意度). Stored and sent as these strings; the GB/T
 * numbers 1–5 appear only in the 表9 export, because some provincial interfaces number the other way round
 * (REFERENCES.md). Pure: shared by the server, the console, the pad and the public pages.
 */
export const LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export type Level = (typeof LEVELS)[number];

export const isLevel = (value: unknown): value is Level => typeof value === 'string' && (LEVELS as readonly string[]).includes(value);

export const LEVEL_NAMES: Record<Level, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

/** GB/T 39046 A.8: 1 非常满意 … 5 非常不满意 — for the export only, never stored. */
export const LEVEL_CODES: Record<Level, 1 | 2 | 3 | 4 | 5> = {
  very_satisfied: 1,
  satisfied: 2,
  basic: 3,
  dissatisfied: 4,
  very_dissatisfied: 5,
};

export const levelCode = (level: Level): 1 | 2 | 3 | 4 | 5 => LEVEL_CODES[level];

/** The bottom two are 差评: each opens a work order (return visit, rectification). */
export const BAD_LEVELS: readonly Level[] = ['dissatisfied', 'very_dissatisfied'];
export const isBadLevel = (level: string): boolean => (BAD_LEVELS as readonly string[]).includes(level);

/** The top two are 好评 (好评率). */
export const GOOD_LEVELS: readonly Level[] = ['very_satisfied', 'satisfied'];
export const isGoodLevel = (level: string): boolean => (GOOD_LEVELS as readonly string[]).includes(level);

/** What the rater may say of the fix of a 差评 (round 2): 满意 / 基本满意 / 不满意. */
export const FIX_LEVELS = ['satisfied', 'basic', 'dissatisfied'] as const satisfies readonly Level[];
export type FixLevel = (typeof FIX_LEVELS)[number];

/** The level the default job writes after the period without a rating. */
export const DEFAULT_LEVEL: Level = 'basic';
