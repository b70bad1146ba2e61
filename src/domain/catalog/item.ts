/**
 * The catalog item (事项): the eight public fields (八公开) plus what the software needs to route, time and
 * supervise a case. `itemInputSchema` checks one item in exactly the shape of shared/data/catalog.json;
 * `validateItem` adds the rules that involve several fields. Every message is Chinese and names the field,
 * so a clerk importing a spreadsheet or filling a form knows what to fix.
 *
 * Pure: no I/O, no clock.
 */
import { z } from 'zod';
import { invisibleCharacterIn, invisibleMessage } from '../text.js';
import { DEFAULT_LEVEL_NAMES, ORG_LEVELS, isAbove, type OrgLevel } from '../orgs/tree.js';
import { KIND_NAMES } from '../vocabulary/kinds.js';

export const ITEM_KINDS = ['immediate', 'promised'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const SPECIAL_STEP_KINDS = ['site_survey', 'publicity', 'hearing', 'expert_review', 'testing'] as const;
export type SpecialStepKind = (typeof SPECIAL_STEP_KINDS)[number];

/**
 * Chinese labels of every item field, in catalog.json's order (plus 俗称, the names people use, which the
 * software adds after the name); used by forms, guides and the spreadsheet.
 */
export const ITEM_FIELD_LABELS = {
  code: '事项编码',
  name: '事项名称',
  aliases: '俗称',
  category: '事项类别',
  department: '实施部门',
  window: '受理窗口',
  level: '办理层级',
  acceptLevels: '可受理层级',
  kind: '办件类型',
  legalDays: '法定办结时限（工作日）',
  promisedDays: '承诺办结时限（工作日）',
  joint: '联办部门',
  inPersonRequired: '须本人到场',
  proxyAllowed: '可代办',
  onlineAllowed: '可网上申请',
  conditions: '办理条件',
  basis: '设定依据',
  steps: '办理流程',
  materials: '申报材料',
  result: '办理结果',
  fee: '收费标准',
  publicNotes: '公开说明',
  specialSteps: '特殊环节',
} as const;
export type ItemField = keyof typeof ITEM_FIELD_LABELS;

export const MATERIAL_FIELD_LABELS = { name: '材料名称', main: '主件/附件', copies: '份数', original: '原件/复印件', promisable: '可告知承诺' } as const;
export const FEE_FIELD_LABELS = { amount: '收费金额（元）', basis: '收费依据' } as const;
export const SPECIAL_STEP_FIELD_LABELS = {
  name: '环节名称',
  kind: '环节类型',
  limitDays: '环节时限（天）',
  countsTowardLegal: '计入法定办结时限',
} as const;

/** An item is decided on the spot or by a promised date: the case kinds of the same name (the vocabulary's). */
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { immediate: KIND_NAMES.immediate, promised: KIND_NAMES.promised };
export const SPECIAL_STEP_KIND_LABELS: Record<SpecialStepKind, string> = {
  site_survey: '现场踏勘',
  publicity: '公示',
  hearing: '听证',
  expert_review: '专家评审',
  testing: '检验检测',
};

/** Letters, a hyphen, digits (MZ-003); further -digits segments are allowed for sub-items (MZ-003-01). */
export const ITEM_CODE_PATTERN = /^[A-Z]{1,10}-\d{1,6}(?:-\d{1,6})*$/;

// ---------------------------------------------------------------------------------------------------------
// Schema building blocks: each names its field in every message.

const typeMessage = (label: string, what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `缺少${label}` : `${label}必须是${what}`;

function text(label: string, max: number) {
  return z
    .string({ error: typeMessage(label, '文字') })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字` });
}

function textList(label: string, elementLabel: string, max: number, opts: { min1: boolean }) {
  const list = z
    .array(text(elementLabel, max), { error: typeMessage(label, '列表') })
    .max(50, { error: `${label}不能超过50项` });
  return opts.min1 ? list.min(1, { error: `${label}至少填写一项` }) : list;
}

const flag = (label: string) => z.boolean({ error: typeMessage(label, '“是”或“否”') });

const levelSchema = (label: string) =>
  z.enum(ORG_LEVELS, { error: (iss) => (iss.input === undefined ? `缺少${label}` : `${label}只能是县、乡镇或村（county、township、village）`) });

const L = ITEM_FIELD_LABELS;

/** Messages of an object schema: missing, not an object, or keys it does not know. */
const objectMessage = (label: string, unknownKeys: string, what: string) => (iss: z.core.$ZodRawIssue) => {
  if (iss.code === 'unrecognized_keys') return `${unknownKeys}：${iss.keys.join('、')}`;
  return iss.input === undefined ? `缺少${label.replace(/的每一项$/, '')}` : `${label}必须是${what}`;
};

export const materialSchema = z.strictObject(
  {
    name: text(MATERIAL_FIELD_LABELS.name, 100),
    main: z.boolean({ error: typeMessage('材料的主件/附件标记', '是或否（main: true 为主件）') }),
    copies: z
      .number({ error: typeMessage('材料份数', '数字') })
      .int({ error: '材料份数必须是整数' })
      .min(1, { error: '材料份数至少为1份' })
      .max(99, { error: '材料份数不能超过99份' }),
    original: z.boolean({ error: typeMessage('材料的原件/复印件标记', '是或否（original: true 为原件）') }),
    /** 可告知承诺: the applicant may promise it instead of providing it (告知承诺制; kept as level-D evidence) */
    promisable: z.boolean({ error: typeMessage('材料的“可告知承诺”标记', '是或否（promisable: true 为可告知承诺）') }).optional(),
  },
  { error: objectMessage('申报材料的每一项', '申报材料有不认识的字段', '包含材料名称、主件、份数、原件的对象') },
);

export const feeSchema = z.strictObject(
  {
    amount: z
      .number({ error: typeMessage('收费标准的收费金额', '数字（元），不收费填0') })
      .min(0, { error: '收费标准：收费金额不能为负数' })
      .max(1_000_000, { error: '收费标准：收费金额过大，请核对（单位为元）' })
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: '收费标准：收费金额最多精确到分（两位小数）' }),
    basis: text('收费标准的收费依据', 500),
  },
  { error: objectMessage(L.fee, '收费标准有不认识的字段', '包含收费金额和收费依据的对象') },
);

export const specialStepSchema = z.strictObject(
  {
    name: text('特殊环节的环节名称', 50),
    kind: z.enum(SPECIAL_STEP_KINDS, {
      error: '特殊环节的环节类型只能是现场踏勘、公示、听证、专家评审或检验检测（site_survey、publicity、hearing、expert_review、testing）',
    }),
    limitDays: z
      .number({ error: typeMessage('特殊环节的时限', '天数') })
      .int({ error: '特殊环节的时限必须是整数天' })
      .min(1, { error: '特殊环节的时限至少为1天' })
      .max(365, { error: '特殊环节的时限不能超过365天' }),
    countsTowardLegal: z.boolean({ error: typeMessage('特殊环节“是否计入法定办结时限”', '是或否') }),
  },
  { error: objectMessage('特殊环节的每一项', '特殊环节有不认识的字段', '包含环节名称、类型、时限和是否计入法定时限的对象') },
);

const itemShape = {
  code: z
    .string({ error: typeMessage(L.code, '文字') })
    .trim()
    .toUpperCase()
    .min(1, { error: `${L.code}不能为空` })
    .regex(ITEM_CODE_PATTERN, { error: `${L.code}格式不正确：应为字母、短横线加数字，如 MZ-003` }),
  // a name nobody can tell from another on screen or paper (zero-width, bidi override …) is refused
  name: text(L.name, 100).refine((s) => invisibleCharacterIn(s) === null, { error: `${L.name}中有看不见的字符或控制字符（多为从网页、聊天软件复制时带入），请删除后重新输入` }),
  // 俗称: what people call the item (低保, 五保, 准生证); every search matches them by characters and pinyin
  aliases: z
    // a 俗称 is matched and shown like the name: one that looks like 低保 but holds a zero-width space never matches
    .array(text(L.aliases, 20).refine((s) => invisibleCharacterIn(s) === null, { error: invisibleMessage(L.aliases) }), { error: typeMessage(L.aliases, '列表') })
    .max(10, { error: `${L.aliases}不能超过10个` })
    .default([]),
  category: text(L.category, 50),
  department: text(L.department, 100),
  window: text(L.window, 50),
  level: levelSchema(L.level),
  acceptLevels: z
    .array(levelSchema(L.acceptLevels), { error: typeMessage(L.acceptLevels, '列表') })
    .min(1, { error: `${L.acceptLevels}至少填写一级` }),
  kind: z.enum(ITEM_KINDS, {
    error: (iss) => (iss.input === undefined ? `缺少${L.kind}` : `${L.kind}只能是即办件或承诺件（immediate、promised）`),
  }),
  legalDays: z
    .number({ error: typeMessage('服务时限的法定办结时限', '工作日数（没有法定时限的留空）') })
    .int({ error: '服务时限：法定办结时限必须是整数个工作日' })
    .min(1, { error: '服务时限：法定办结时限至少为1个工作日（没有法定时限的留空）' })
    .max(3650, { error: '服务时限：法定办结时限过长，请核对' })
    .nullable()
    .default(null),
  promisedDays: z
    .number({ error: typeMessage('服务时限的承诺办结时限', '工作日数') })
    .int({ error: '服务时限：承诺办结时限必须是整数个工作日' })
    .min(0, { error: '服务时限：承诺办结时限不能为负数' })
    .max(3650, { error: '服务时限：承诺办结时限过长，请核对' }),
  joint: textList(L.joint, '联办部门名称', 100, { min1: false }).default([]),
  inPersonRequired: flag(L.inPersonRequired),
  proxyAllowed: flag(L.proxyAllowed),
  onlineAllowed: flag(L.onlineAllowed),
  conditions: text(L.conditions, 4000),
  basis: textList(L.basis, '依据内容', 500, { min1: true }),
  steps: textList(L.steps, '环节名称', 200, { min1: true }),
  materials: z.array(materialSchema, { error: typeMessage(L.materials, '列表') }).max(100, { error: `${L.materials}不能超过100项` }),
  result: text(L.result, 500),
  fee: feeSchema,
  publicNotes: z
    .string({ error: typeMessage(L.publicNotes, '文字') })
    .trim()
    .max(2000, { error: `${L.publicNotes}不能超过2000个字` })
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  specialSteps: z
    .array(specialStepSchema, { error: typeMessage(L.specialSteps, '列表') })
    .max(20, { error: `${L.specialSteps}不能超过20项` })
    .default([]),
};

/**
 * One item exactly in catalog.json's shape, plus `aliases` and `specialSteps` (optional, default []). `legalDays`,
 * `joint` and `publicNotes` may be left out (null, [], null). Strings are trimmed, the code is upper-cased, an empty public
 * note becomes null. Unknown keys are refused so a misspelt field is not silently lost.
 */
export const itemInputSchema = z.strictObject(itemShape, {
  error: objectMessage('事项信息', '事项信息有不认识的字段', '一个对象（JSON 对象）'),
});

/** What a caller may send (defaults not yet applied). */
export type ItemInput = z.input<typeof itemInputSchema>;
/** A checked item: what the catalog stores and shows. */
export type CatalogItem = z.output<typeof itemInputSchema>;
export type Material = CatalogItem['materials'][number];
export type Fee = CatalogItem['fee'];
export type SpecialStep = CatalogItem['specialSteps'][number];

// ---------------------------------------------------------------------------------------------------------
// Messages

const CJK = /[\u3400-\u9fff]/;

function labelOf(key: PropertyKey | undefined): string {
  return typeof key === 'string' && key in ITEM_FIELD_LABELS ? ITEM_FIELD_LABELS[key as ItemField] : '事项信息';
}

/** A zod issue as one self-contained Chinese sentence; list elements are named by position (第2项). */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const [top, index] = issue.path;
  const prefix = typeof index === 'number' ? `${labelOf(top)}第${index + 1}项：` : '';
  const message = CJK.test(issue.message) ? issue.message : `${labelOf(top)}填写不正确`;
  return prefix + message;
}

// ---------------------------------------------------------------------------------------------------------
// Rules across fields

const levelName = (level: OrgLevel) => DEFAULT_LEVEL_NAMES[level];

function duplicates<T extends string>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

type CrossFields = Partial<CatalogItem>;

/** The rules that involve more than one field. Each rule runs only when the fields it needs are valid. */
function crossFieldErrors(item: CrossFields): string[] {
  const errors: string[] = [];
  const { legalDays, promisedDays, kind, level, acceptLevels, materials, inPersonRequired, proxyAllowed } = item;

  if (typeof promisedDays === 'number' && typeof legalDays === 'number' && promisedDays > legalDays) {
    errors.push(`服务时限：承诺办结时限（${promisedDays}个工作日）不能超过法定办结时限（${legalDays}个工作日）`);
  }
  if (kind === 'immediate' && typeof promisedDays === 'number' && promisedDays !== 0) {
    errors.push('服务时限：即办件当场办结，承诺办结时限必须为0；需要时间办理的请把办件类型改为承诺件');
  }
  if (kind === 'promised' && promisedDays === 0) {
    errors.push('服务时限：承诺件的承诺办结时限至少为1个工作日；能当场办结的请把办件类型改为即办件');
  }
  if (level && acceptLevels) {
    const above = ORG_LEVELS.filter((l) => acceptLevels.includes(l) && isAbove(l, level));
    if (above.length > 0) {
      errors.push(
        `可受理层级不能高于办理层级：本事项由${levelName(level)}级办理，不能由${above.map(levelName).join('、')}级受理`,
      );
    }
    const dup = duplicates(acceptLevels);
    if (dup.length > 0) errors.push(`可受理层级有重复：${dup.map(levelName).join('、')}`);
  }
  if (materials) {
    if (materials.length === 0) {
      errors.push('申报材料至少填写一项（办事指南是收取材料的唯一依据）');
    } else {
      const dup = duplicates(materials.map((m) => m.name));
      if (dup.length > 0) errors.push(`申报材料名称重复：${dup.join('、')}`);
      if (!materials.some((m) => m.main)) errors.push('申报材料中至少要有一项主件（缺少主件的申请将被退回）');
    }
  }
  if (inPersonRequired === true && proxyAllowed === true) {
    errors.push('须本人到场的事项不能代办：请把“可代办”改为“否”（结婚、离婚、收养登记等必须当事人亲自办理）');
  }
  if (item.aliases) {
    const dup = duplicates(item.aliases);
    if (dup.length > 0) errors.push(`俗称重复：${dup.join('、')}`);
    if (item.name && item.aliases.includes(item.name)) errors.push(`俗称“${item.name}”与事项名称相同，不必再填`);
  }
  if (item.joint) {
    const dup = duplicates(item.joint);
    if (dup.length > 0) errors.push(`联办部门重复：${dup.join('、')}`);
  }
  if (item.specialSteps) {
    const dup = duplicates(item.specialSteps.map((s) => s.name));
    if (dup.length > 0) errors.push(`特殊环节名称重复：${dup.join('、')}`);
  }
  return errors;
}

export type ValidationResult = { ok: true; value: CatalogItem } | { ok: false; errors: string[] };

/**
 * Checks one item: the schema, then the rules across fields. On failure lists every problem at once: the
 * cross-field rules also run on the fields that were individually valid, so a clerk sees all problems in one go.
 */
export function validateItem(input: unknown): ValidationResult {
  const parsed = itemInputSchema.safeParse(input);
  if (parsed.success) {
    const errors = crossFieldErrors(parsed.data);
    return errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
  }
  const errors = parsed.error.issues.map(formatIssue);
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const partial: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(itemShape)) {
      const field = (schema as z.ZodType).safeParse((input as Record<string, unknown>)[key]);
      if (field.success) partial[key] = field.data;
    }
    errors.push(...crossFieldErrors(partial as CrossFields));
  }
  return { ok: false, errors: [...new Set(errors)] };
}

// ---------------------------------------------------------------------------------------------------------
// Special steps (特殊环节) read from the procedure

const PUBLICITY_WORDS = /公示|公告/;
/** Words that name a visit to the site or the household. */
const SITE_WORDS = /踏勘|实地查看|实地核查|实地调查|现场勘查|现场勘验|现场查验|现场核查|入户调查|入户核查|入户核实/;
const NOT_COUNTED = /不计入/;
const DEFAULT_PUBLICITY_DAYS = 7;
const DEFAULT_SITE_SURVEY_DAYS = 5;

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '7' → 7, '七' → 7, '十五' → 15, '二十' → 20, '三十' → 30; null if not a number. */
export function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? (CN_DIGITS[tens] ?? null) : null;
  return (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
}

const NUM = '(\\d+|[一二两三四五六七八九十]+)';
const DAYS_AFTER = new RegExp(`(?:公示|公告)(?:期|期限|时间)?(?:为|满|不少于|不得少于|不低于|至少)?\\s*${NUM}\\s*(?:个)?(?:工作日|日|天)`);
const DAYS_BEFORE = new RegExp(`${NUM}\\s*(?:个)?(?:工作日|日|天)的?(?:公示|公告)`);

const sentences = (text: string | null | undefined) => (text ?? '').split(/[。；;\n]/).filter((s) => s.trim() !== '');

/**
 * The special steps an item's own text names, for items imported without any: publicity (公示/公告 in the
 * procedure or public notes; days from the notes such as “公示7天” or “公告期不少于15个工作日”, else 7) and site
 * survey (踏勘, 实地查看, 现场勘查, 入户调查 … ; 5 days). A step does not count toward the legal time when the
 * sentence that mentions it says 不计入. Immediate items get none: they are finished on the spot.
 */
export function inferSpecialSteps(item: Pick<CatalogItem, 'kind' | 'steps' | 'publicNotes'>): SpecialStep[] {
  if (item.kind === 'immediate') return [];
  const result: SpecialStep[] = [];
  const noteSentences = sentences(item.publicNotes);
  const texts = [...item.steps, ...noteSentences];

  const publicityWord = texts.map((t) => PUBLICITY_WORDS.exec(t)?.[0]).find((w) => w !== undefined);
  if (publicityWord) {
    const about = noteSentences.filter((s) => PUBLICITY_WORDS.test(s));
    let days = DEFAULT_PUBLICITY_DAYS;
    for (const s of about) {
      const m = DAYS_AFTER.exec(s) ?? DAYS_BEFORE.exec(s);
      const n = m?.[1] ? parseCount(m[1]) : null;
      if (n !== null && n > 0) {
        days = n;
        break;
      }
    }
    result.push({ name: publicityWord, kind: 'publicity', limitDays: days, countsTowardLegal: !about.some((s) => NOT_COUNTED.test(s)) });
  }

  const siteWord = texts.map((t) => SITE_WORDS.exec(t)?.[0]).find((w) => w !== undefined);
  if (siteWord) {
    const about = noteSentences.filter((s) => SITE_WORDS.test(s));
    result.push({
      name: siteWord === '踏勘' ? '现场踏勘' : siteWord,
      kind: 'site_survey',
      limitDays: DEFAULT_SITE_SURVEY_DAYS,
      countsTowardLegal: !about.some((s) => NOT_COUNTED.test(s)),
    });
  }
  return result;
}

/** The item with inferred special steps when it has none. */
export function withInferredSpecialSteps(item: CatalogItem): CatalogItem {
  return item.specialSteps.length > 0 ? item : { ...item, specialSteps: inferSpecialSteps(item) };
}
