/**
 * The catalog as a spreadsheet (exceljs) and as JSON, for import and export.
 *
 * One worksheet, the first row holds the headers (the Chinese labels of ITEM_FIELD_LABELS; the English keys of
 * catalog.json are accepted too, and a title row above the headers is tolerated), one item per row. Each header
 * cell carries a note explaining how to fill its column. Cell formats:
 *
 * - lists (可受理层级, 联办部门, 设定依据, 办理流程): one entry per line, or separated by “；”/“;” when the cell has
 *   no line breaks; levels are 村/乡镇/县 (or village/township/county, or a level's full name); a leading
 *   “1.”/“1、”/“（1）” on a line is dropped.
 * - 申报材料: one per line, `名称｜主件｜1份｜原件` (“|” works too). Parts after the name may be left out or put in
 *   any order: they default to 附件, 1份, 原件. The default is 附件 on purpose: a missing 主件 gets a case returned,
 *   so marking one is a deliberate choice, and a list of bare names is refused (“至少要有一项主件”). A part
 *   “可告知承诺” marks a material the applicant may promise instead of providing (告知承诺制; export writes it).
 * - 俗称: the names people use, separated by “、”, “；” or line breaks (export writes “低保、低保户”). A file
 *   without this column (or a JSON item without `aliases`) leaves an existing item's 俗称 as they are: official
 *   catalogs carry none, and re-importing one must not wipe what the center added.
 * - 是/否 for the three yes/no columns; 即办件/承诺件 for the kind.
 * - 收费金额（元） and 收费依据 are two columns (fee.amount, fee.basis).
 * - 特殊环节: one per line, `公示｜publicity｜7｜不计入` (type as code or Chinese; 计入 when left out). “无” means
 *   none; an empty cell, or no such column, means “read them from the procedure” (inferSpecialSteps). Export
 *   writes “无” for an item without special steps so that export → import gives the same items.
 * - Rows whose 事项名称 starts with 【示例】 are skipped (the template's example row).
 *
 * Row numbers in reports are the numbers a person sees in Excel (the header is usually row 1).
 */
import ExcelJS from 'exceljs';
import {
  FEE_FIELD_LABELS,
  ITEM_FIELD_LABELS,
  ITEM_KIND_LABELS,
  SPECIAL_STEP_KINDS,
  SPECIAL_STEP_KIND_LABELS,
  inferSpecialSteps,
  parseCount,
  validateItem,
  type CatalogItem,
  type SpecialStepKind,
} from '../../domain/catalog/item.js';
import { DomainError } from '../../domain/errors.js';
import { DEFAULT_LEVEL_NAMES, type OrgLevel } from '../../domain/orgs/tree.js';
import { readWorkbook } from '../../server/read-xlsx.js';

export interface ItemRowReport {
  /** The spreadsheet row a person sees (JSON: 1-based position in the items array). */
  row: number;
  /** Code and name as written, for the report even when the row is refused. */
  code: string | null;
  name: string | null;
  /** The checked item (validateItem passed); absent when the row has errors. */
  item?: CatalogItem;
  errors: string[];
  /** The file gave the 俗称 (a 俗称 column, or `aliases` in JSON); otherwise an existing item keeps its own. */
  aliasesGiven: boolean;
}

export interface ItemReadResult {
  rows: ItemRowReport[];
  /** Headers that matched no column and were ignored. */
  ignoredColumns: string[];
}

export const EXAMPLE_ROW_MARK = '【示例】';
export const MAX_IMPORT_ROWS = 5000;
const SHEET_NAME = '事项目录';

// ---------------------------------------------------------------------------------------------------------
// Columns

export type ColumnKey =
  | Exclude<keyof typeof ITEM_FIELD_LABELS, 'fee'>
  | 'feeAmount'
  | 'feeBasis';

interface ColumnSpec {
  key: ColumnKey;
  header: string;
  /** Other header spellings accepted on import (compared after normalizeHeader). */
  aliases: string[];
  required: boolean;
  width: number;
  note: string;
}

const L = ITEM_FIELD_LABELS;
const col = (key: ColumnKey, header: string, aliases: string[], required: boolean, width: number, note: string): ColumnSpec => ({
  key,
  header,
  aliases,
  required,
  width,
  note,
});

const LIST_NOTE = '每行一项，或用“；”分隔。';

/** The columns, in order; export writes exactly these headers. */
export const CATALOG_COLUMNS: readonly ColumnSpec[] = [
  col('code', L.code, ['编码', '事项代码'], true, 10, '必填。字母、短横线加数字，如 MZ-003。同一文件中不能重复。'),
  col('name', L.name, ['名称'], true, 28, `必填。以“${EXAMPLE_ROW_MARK}”开头的行不会导入。`),
  col(
    'aliases',
    L.aliases,
    ['别名', '俗名', '常用名称', '简称'],
    false,
    16,
    '选填。群众平常的叫法，如 低保、五保、准生证，多个用“、”分隔。按俗称、俗称的拼音或首字母（如 db）都能查到本事项。没有这一列时，已有事项的俗称保持不变。',
  ),
  col('category', L.category, ['类别', '事项分类'], true, 10, '必填。如：社会救助、户籍、林业。'),
  col('department', L.department, ['办理部门', '实施主体', '责任部门'], true, 20, '必填。'),
  col('window', L.window, ['窗口'], true, 12, '必填。受理本事项的窗口名称，如：民政窗口。'),
  col('level', L.level, ['决定层级', '审批层级', '实施层级'], true, 8, '必填。作出决定的层级：县、乡镇或村。'),
  col('acceptLevels', L.acceptLevels, ['受理层级'], true, 10, `必填。可以受理本事项的层级，${LIST_NOTE}如：村；乡镇；县。不能高于办理层级。`),
  col('kind', L.kind, ['即办/承诺'], true, 8, '必填。即办件或承诺件。'),
  col('legalDays', L.legalDays, ['法定时限', '法定期限'], false, 10, '整数个工作日；没有法定时限的留空。'),
  col('promisedDays', L.promisedDays, ['承诺时限', '承诺期限'], true, 10, '必填。整数个工作日，不能超过法定时限；即办件填0（也可留空）。'),
  col('joint', L.joint, ['联办', '并联部门'], false, 16, `需要联合办理的部门，${LIST_NOTE}没有的留空。`),
  col('inPersonRequired', L.inPersonRequired, ['是否须本人到场', '本人到场', '必须本人到场'], true, 8, '必填。是或否。须本人到场的事项不能代办。'),
  col('proxyAllowed', L.proxyAllowed, ['是否可代办', '可代理'], true, 8, '必填。是或否。'),
  col('onlineAllowed', L.onlineAllowed, ['是否可网上申请', '可网上办理', '网上办理'], true, 8, '必填。是或否。'),
  col('conditions', L.conditions, ['申请条件'], true, 40, '必填。'),
  col('basis', L.basis, ['办理依据', '法律依据'], true, 40, `必填。${LIST_NOTE}`),
  col('steps', L.steps, ['办事程序', '办理程序', '流程'], true, 24, `必填。${LIST_NOTE}`),
  col(
    'materials',
    L.materials,
    ['申请材料', '材料'],
    true,
    44,
    '必填。每行一项：材料名称｜主件或附件｜份数｜原件或复印件，如：居民身份证｜主件｜1份｜原件。名称后的几项可省略，省略时为附件、1份、原件；可用申请人承诺代替的材料再加“｜可告知承诺”。至少要有一项主件。',
  ),
  col('result', L.result, ['结果'], true, 24, '必填。'),
  col('feeAmount', FEE_FIELD_LABELS.amount, ['收费金额', 'fee.amount', 'feeamount', 'fee_amount'], true, 10, '必填。单位：元；不收费填0。'),
  col('feeBasis', FEE_FIELD_LABELS.basis, ['收费标准', 'fee.basis', 'feebasis', 'fee_basis'], true, 30, '必填。收费的文件依据；不收费的写“不收费”。'),
  col('publicNotes', L.publicNotes, ['备注', '温馨提示'], false, 30, '选填。向群众公开的说明。'),
  col(
    'specialSteps',
    L.specialSteps,
    ['特殊程序'],
    false,
    30,
    '每行一项：环节名称｜类型｜天数｜计入或不计入，如：入户调查｜现场踏勘｜5｜计入。类型：现场踏勘、公示、听证、专家评审、检验检测。写“无”表示没有特殊环节；留空时按办理流程和公开说明中的“公示”“踏勘”等字样自动生成。',
  ),
];

/** Header text as compared: NFKC, no spaces, no “*”, no bracketed part (units), lower case. */
function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

const HEADER_LOOKUP: ReadonlyMap<string, ColumnKey> = (() => {
  const map = new Map<string, ColumnKey>();
  for (const c of CATALOG_COLUMNS) {
    for (const name of [c.header, c.key, ...c.aliases]) map.set(normalizeHeader(name), c.key);
  }
  return map;
})();

// ---------------------------------------------------------------------------------------------------------
// Reading cells

type Raw = ExcelJS.CellValue;

function cellText(value: Raw | unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n').trim();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return cellText((v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''));
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    if ('error' in v) return '';
  }
  return String(value).trim();
}

/** The raw cell value with formulas resolved to their results. */
function cellValue(value: Raw): Raw {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return value.result ?? null;
  return value;
}

const NUMBERING = /^(?:\d{1,2}\s*[.、．)）]|[（(]\d{1,2}[)）]|[①-⑳])\s*/;

function splitList(text: string, extraSeparators = false): string[] {
  const separator = text.includes('\n') ? /\n/ : extraSeparators ? /[；;、，,/\s]+/ : /[；;]/;
  return text
    .split(separator)
    .map((s) => s.trim().replace(NUMBERING, '').trim())
    .filter((s) => s !== '');
}

const LEVEL_WORDS: Record<string, OrgLevel> = {
  county: 'county',
  township: 'township',
  village: 'village',
  县: 'county',
  县级: 'county',
  旗: 'county',
  区: 'county',
  市: 'county',
  乡镇: 'township',
  乡: 'township',
  镇: 'township',
  乡镇级: 'township',
  街道: 'township',
  苏木: 'township',
  村: 'village',
  村级: 'village',
  社区: 'village',
  嘎查: 'village',
};

/** 村/乡镇/县, the codes, or a full level name (村（社区）便民服务室, 乡镇便民服务中心, 县政务服务中心 …). */
function parseLevel(token: string): OrgLevel | null {
  const t = token.normalize('NFKC').trim().toLowerCase();
  const exact = LEVEL_WORDS[t];
  if (exact) return exact;
  if (/村|社区|嘎查/.test(t)) return 'village';
  if (/乡|镇|街道|苏木/.test(t)) return 'township';
  if (/县|旗|区|市/.test(t)) return 'county';
  return null;
}

const LEVELS_HINT = '请填写村、乡镇或县';

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '需要', '允许', '可以']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '✘', '不需要', '不允许', '不可以']);

function parseBool(text: string, label: string, errors: string[]): boolean | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  errors.push(t === '' ? `${label}：请填写“是”或“否”` : `${label}：“${text}”无法识别，请填写“是”或“否”`);
  return undefined;
}

/** A whole number of days: 15, '15', '15个工作日', '15天', '十五'. */
function parseDays(value: Raw, text: string): number | null | 'bad' {
  if (typeof value === 'number') return Number.isInteger(value) ? value : 'bad';
  if (text === '') return null;
  const m = /^(\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?:工作日|日|天)?$/.exec(text.normalize('NFKC'));
  const n = m?.[1] ? parseCount(m[1]) : null;
  return n === null ? 'bad' : n;
}

function parseAmount(value: Raw, text: string): number | 'bad' | null {
  if (typeof value === 'number') return value;
  if (text === '') return null;
  if (/^(免费|不收费|无|0元?)$/.test(text)) return 0;
  const m = /^(\d+(?:\.\d+)?)\s*元?$/.exec(text.normalize('NFKC').replace(/[¥￥,，]/g, ''));
  return m?.[1] ? Number(m[1]) : 'bad';
}

const MAIN_WORDS: Record<string, boolean> = { 主件: true, 主: true, main: true, 附件: false, 附: false, attachment: false };
const ORIGINAL_WORDS: Record<string, boolean> = {
  原件: true,
  原: true,
  original: true,
  复印件: false,
  复印: false,
  复印件即可: false,
  copy: false,
};

/** 可告知承诺: the applicant may promise the material instead of providing it (issue 11 §2, level D). */
const PROMISABLE_WORDS = new Set(['可告知承诺', '告知承诺', '可承诺', 'promisable']);

function parseMaterials(text: string, errors: string[]) {
  const label = L.materials;
  return splitList(text).map((line, i) => {
      const [name = '', ...parts] = line.split(/[｜|]/).map((p) => p.trim());
      const material: { name: string; main: boolean; copies: number; original: boolean; promisable?: boolean } = { name, main: false, copies: 1, original: true };
      for (const part of parts) {
        const p = part.normalize('NFKC').toLowerCase();
        if (p === '') continue;
        const copies = /^(\d+|[一二两三四五六七八九十]+)\s*(?:份|张|页|本)?$/.exec(p);
        if (PROMISABLE_WORDS.has(p)) material.promisable = true;
        else if (p in MAIN_WORDS) material.main = MAIN_WORDS[p]!;
        else if (p in ORIGINAL_WORDS) material.original = ORIGINAL_WORDS[p]!;
        else if (copies?.[1] && parseCount(copies[1]) !== null) material.copies = parseCount(copies[1])!;
        else errors.push(`${label}第${i + 1}项（${name}）：“${part}”无法识别，应为主件/附件、份数（如1份）、原件/复印件或“可告知承诺”`);
      }
      return material;
    });
}

const SPECIAL_KIND_WORDS: Record<string, SpecialStepKind> = {
  ...Object.fromEntries(SPECIAL_STEP_KINDS.map((k) => [k, k])),
  ...Object.fromEntries(Object.entries(SPECIAL_STEP_KIND_LABELS).map(([k, v]) => [v, k as SpecialStepKind])),
  踏勘: 'site_survey',
  实地查看: 'site_survey',
  现场勘查: 'site_survey',
  入户调查: 'site_survey',
  公告: 'publicity',
  专家论证: 'expert_review',
  专家评审论证: 'expert_review',
  检验: 'testing',
  检测: 'testing',
  检疫: 'testing',
};

function kindFromName(name: string): SpecialStepKind | undefined {
  if (/踏勘|勘查|勘验|实地|入户|现场/.test(name)) return 'site_survey';
  if (/公示|公告/.test(name)) return 'publicity';
  if (/听证/.test(name)) return 'hearing';
  if (/专家|评审|论证/.test(name)) return 'expert_review';
  if (/检验|检测|检疫/.test(name)) return 'testing';
  return undefined;
}

function parseSpecialSteps(text: string, errors: string[]) {
  const label = L.specialSteps;
  return splitList(text).map((line, i) => {
    const [name = '', ...parts] = line.split(/[｜|]/).map((p) => p.trim());
    let kind: SpecialStepKind | undefined;
    let limitDays: number | undefined;
    let countsTowardLegal = true;
    for (const part of parts) {
      const p = part.normalize('NFKC').toLowerCase();
      if (p === '') continue;
      const days = /^(\d+|[一二两三四五六七八九十]+)\s*(?:个)?(?:工作日|日|天)?$/.exec(p);
      if (p in SPECIAL_KIND_WORDS) kind = SPECIAL_KIND_WORDS[p];
      else if (days?.[1] && parseCount(days[1]) !== null) limitDays = parseCount(days[1])!;
      else if (/^(不计入|否|不计入法定时限|不计入法定办结时限|false)$/.test(p)) countsTowardLegal = false;
      else if (/^(计入|是|计入法定时限|计入法定办结时限|true)$/.test(p)) countsTowardLegal = true;
      else errors.push(`${label}第${i + 1}项（${name}）：“${part}”无法识别，应为环节类型、天数或“计入/不计入”`);
    }
    kind ??= kindFromName(name);
    if (!kind) errors.push(`${label}第${i + 1}项（${name}）：请写明环节类型（现场踏勘、公示、听证、专家评审或检验检测）`);
    if (limitDays === undefined) errors.push(`${label}第${i + 1}项（${name}）：请写明时限天数，如 7`);
    return { name, kind: kind ?? 'publicity', limitDays: limitDays ?? 1, countsTowardLegal };
  });
}

const NONE = /^(无|没有|不涉及|none|-|—)$/i;

interface RawRow {
  raw: unknown;
  errors: string[];
  /** Infer special steps after validation (the sheet or JSON gave none, not even “无”/[]). */
  infer: boolean;
  unread: string[];
  aliasesGiven: boolean;
}

/** One sheet row (cells by column key) → the raw item for validateItem, plus the errors found in the cells. */
function rowToRawItem(cells: Map<ColumnKey, Raw>): RawRow {
  const errors: string[] = [];
  /** Fields whose cell could not be read: the schema's “缺少…” for them would only repeat the cell's error. */
  const unread: string[] = [];
  const fail = (field: string, message: string) => {
    unread.push(field);
    errors.push(message);
  };
  const text = (key: ColumnKey) => cellText(cells.get(key));
  const raw: Record<string, unknown> = {};

  for (const key of ['code', 'name', 'category', 'department', 'window', 'conditions', 'result'] as const) raw[key] = text(key);
  const aliasesGiven = cells.has('aliases');
  if (aliasesGiven) raw.aliases = NONE.test(text('aliases')) ? [] : text('aliases').split(/[\n、；;，,]/).map((a) => a.trim()).filter((a) => a !== '');

  const level = text('level');
  const parsedLevel = parseLevel(level);
  if (parsedLevel) raw.level = parsedLevel;
  else fail(L.level, level === '' ? `${L.level}：${LEVELS_HINT}` : `${L.level}：“${level}”无法识别，${LEVELS_HINT}`);

  const accept: OrgLevel[] = [];
  for (const token of splitList(text('acceptLevels'), true)) {
    const l = parseLevel(token);
    if (l) accept.push(l);
    else errors.push(`${L.acceptLevels}：“${token}”无法识别，${LEVELS_HINT}`);
  }
  raw.acceptLevels = accept;

  const kind = text('kind').normalize('NFKC').toLowerCase();
  if (/^(即办件?|immediate)$/.test(kind)) raw.kind = 'immediate';
  else if (/^(承诺件?|promised)$/.test(kind)) raw.kind = 'promised';
  else fail(L.kind, kind === '' ? `${L.kind}：请填写“即办件”或“承诺件”` : `${L.kind}：“${text('kind')}”无法识别，请填写“即办件”或“承诺件”`);

  if (cells.has('legalDays')) {
    const legal = NONE.test(text('legalDays')) ? null : parseDays(cellValue(cells.get('legalDays') ?? null), text('legalDays'));
    if (legal === 'bad') fail('法定办结时限', `服务时限：法定办结时限“${text('legalDays')}”应为整数个工作日，没有法定时限的留空`);
    else raw.legalDays = legal;
  }
  const promised = parseDays(cellValue(cells.get('promisedDays') ?? null), text('promisedDays'));
  if (promised === 'bad') fail('承诺办结时限', `服务时限：承诺办结时限“${text('promisedDays')}”应为整数个工作日`);
  else if (promised === null) {
    if (raw.kind === 'immediate') raw.promisedDays = 0;
    else fail('承诺办结时限', '服务时限：请填写承诺办结时限（工作日）');
  } else raw.promisedDays = promised;

  if (cells.has('joint')) raw.joint = NONE.test(text('joint')) ? [] : splitList(text('joint'));

  for (const key of ['inPersonRequired', 'proxyAllowed', 'onlineAllowed'] as const) {
    const value = parseBool(text(key), L[key], errors);
    if (value !== undefined) raw[key] = value;
    else unread.push(L[key]);
  }

  raw.basis = splitList(text('basis'));
  raw.steps = splitList(text('steps'));
  raw.materials = parseMaterials(text('materials'), errors);

  const amount = parseAmount(cellValue(cells.get('feeAmount') ?? null), text('feeAmount'));
  if (amount === null) errors.push(`收费标准：请填写${FEE_FIELD_LABELS.amount}，不收费填0`);
  else if (amount === 'bad') errors.push(`收费标准：收费金额“${text('feeAmount')}”应为数字（元），不收费填0`);
  raw.fee = { amount: typeof amount === 'number' ? amount : 0, basis: text('feeBasis') };

  if (cells.has('publicNotes')) raw.publicNotes = text('publicNotes') === '' ? null : text('publicNotes');

  let infer = true;
  if (cells.has('specialSteps') && text('specialSteps') !== '') {
    infer = false;
    raw.specialSteps = NONE.test(text('specialSteps')) ? [] : parseSpecialSteps(text('specialSteps'), errors);
  }
  return { raw, errors, infer, unread, aliasesGiven };
}

/** Validates rows, infers special steps where asked, and flags codes repeated within the file. */
function finishRows(rows: (RawRow & { row: number })[], place: (row: number) => string): ItemRowReport[] {
  const firstRowOfCode = new Map<string, number>();
  return rows.map(({ row, raw, errors, infer, unread, aliasesGiven }) => {
    const obj = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const code = typeof obj.code === 'string' && obj.code.trim() !== '' ? obj.code.trim() : null;
    const name = typeof obj.name === 'string' && obj.name.trim() !== '' ? obj.name.trim() : null;
    const all = [...errors];
    const result = validateItem(raw);
    if (!result.ok) {
      const repeats = (e: string) => all.includes(e) || (e.startsWith('缺少') && unread.some((label) => e.includes(label)));
      all.push(...result.errors.filter((e) => !repeats(e)));
    }
    let item: CatalogItem | undefined;
    if (result.ok && all.length === 0) {
      item = result.value;
      if (infer && item.specialSteps.length === 0) item = { ...item, specialSteps: inferSpecialSteps(item) };
      const first = firstRowOfCode.get(item.code);
      if (first !== undefined) {
        all.push(`事项编码 ${item.code} 与${place(first)}重复`);
        item = undefined;
      } else firstRowOfCode.set(item.code, row);
    }
    return item ? { row, code, name, item, errors: [], aliasesGiven } : { row, code, name, errors: all, aliasesGiven };
  });
}

/**
 * Reads the first worksheet of an .xlsx file. Throws a DomainError when the file is not a spreadsheet, has no
 * header row or lacks required columns; otherwise reports every row: the checked item or its errors in Chinese.
 */
export async function readItemsFromXlsx(buffer: Buffer): Promise<ItemReadResult> {
  let workbook: ExcelJS.Workbook;
  try {
    // size, rows and cells are checked before exceljs unpacks anything (a crafted file is refused in milliseconds)
    workbook = await readWorkbook(buffer);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'SPREADSHEET_TOO_LARGE') throw error;
    throw new DomainError('IMPORT_FILE_UNREADABLE', '文件不是有效的 Excel（.xlsx）文件。请下载模板或导出目录，修改后另存为 .xlsx 再导入。');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw new DomainError('IMPORT_NO_HEADER', '表格里没有工作表。请下载模板填写后再导入。');

  // The header row: the first of the top 10 rows in which at least three cells are known column names.
  let headerRow = 0;
  const columns = new Map<number, ColumnKey>();
  const ignoredColumns: string[] = [];
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r++) {
    const found = new Map<number, ColumnKey>();
    sheet.getRow(r).eachCell((cell, c) => {
      const key = HEADER_LOOKUP.get(normalizeHeader(cellText(cell.value)));
      if (key) found.set(c, key);
    });
    if (found.size >= 3) {
      headerRow = r;
      for (const [c, key] of found) columns.set(c, key);
      sheet.getRow(r).eachCell((cell, c) => {
        const header = cellText(cell.value);
        if (!found.has(c) && header !== '') ignoredColumns.push(header);
      });
    }
  }
  if (headerRow === 0) {
    throw new DomainError('IMPORT_NO_HEADER', '没有找到表头：第一行应为“事项编码”“事项名称”等列名。请下载模板，按模板的列填写后再导入。');
  }
  const keys = [...columns.values()];
  const duplicate = CATALOG_COLUMNS.filter((c) => keys.filter((k) => k === c.key).length > 1).map((c) => `“${c.header}”`);
  if (duplicate.length > 0) {
    throw new DomainError('IMPORT_COLUMNS_DUPLICATE', `表头中这些列出现了不止一次：${duplicate.join('、')}。请删去重复的列后再导入。`);
  }
  const missing = CATALOG_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map((c) => `“${c.header}”`);
  if (missing.length > 0) {
    throw new DomainError('IMPORT_COLUMNS_MISSING', `表格缺少这些列：${missing.join('、')}。请下载模板，按模板的列填写后再导入。`, {
      missing,
    });
  }

  const rows: (RawRow & { row: number })[] = [];
  // eachRow visits only rows that exist in the file, so a sheet formatted down to row 1048576 costs nothing.
  sheet.eachRow((row, r) => {
    if (r <= headerRow) return;
    const cells = new Map<ColumnKey, Raw>();
    for (const [c, key] of columns) cells.set(key, row.getCell(c).value);
    if ([...cells.values()].every((v) => cellText(v) === '')) return;
    if (cellText(cells.get('name')).startsWith(EXAMPLE_ROW_MARK)) return;
    if (rows.length >= MAX_IMPORT_ROWS) {
      throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${MAX_IMPORT_ROWS} 个事项，请分成几个文件导入。`);
    }
    rows.push({ row: r, ...rowToRawItem(cells) });
  });
  return { rows: finishRows(rows, (r) => `第 ${r} 行`), ignoredColumns };
}

/**
 * Reads catalog.json's shape (`{ items: [...] }`) or a bare array of items. An item without a `specialSteps`
 * key gets the special steps its procedure names (inferSpecialSteps); an explicit [] stays empty.
 */
export function readItemsFromJson(json: unknown): ItemReadResult {
  const items = Array.isArray(json)
    ? json
    : json !== null && typeof json === 'object' && Array.isArray((json as { items?: unknown }).items)
      ? ((json as { items: unknown[] }).items)
      : null;
  if (!items) {
    throw new DomainError('IMPORT_FILE_SHAPE', 'JSON 文件应为事项数组，或包含 items 数组的对象（与 catalog.json 的格式相同）。');
  }
  if (items.length > MAX_IMPORT_ROWS) {
    throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${MAX_IMPORT_ROWS} 个事项，请分成几个文件导入。`);
  }
  const rows = items.map((raw, i) => ({
    row: i + 1,
    raw,
    errors: [],
    unread: [],
    infer: !(raw !== null && typeof raw === 'object' && 'specialSteps' in raw),
    aliasesGiven: raw !== null && typeof raw === 'object' && 'aliases' in raw,
  }));
  return { rows: finishRows(rows, (r) => `第 ${r} 项`), ignoredColumns: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const levelLabel = (level: OrgLevel) => DEFAULT_LEVEL_NAMES[level];
const yesNo = (v: boolean) => (v ? '是' : '否');

function cellsOf(item: CatalogItem): Record<ColumnKey, string | number | null> {
  return {
    code: item.code,
    name: item.name,
    aliases: item.aliases.join('、'),
    category: item.category,
    department: item.department,
    window: item.window,
    level: levelLabel(item.level),
    acceptLevels: item.acceptLevels.map(levelLabel).join('\n'),
    kind: ITEM_KIND_LABELS[item.kind],
    legalDays: item.legalDays,
    promisedDays: item.promisedDays,
    joint: item.joint.join('\n'),
    inPersonRequired: yesNo(item.inPersonRequired),
    proxyAllowed: yesNo(item.proxyAllowed),
    onlineAllowed: yesNo(item.onlineAllowed),
    conditions: item.conditions,
    basis: item.basis.join('\n'),
    steps: item.steps.join('\n'),
    materials: item.materials
      .map((m) => `${m.name}｜${m.main ? '主件' : '附件'}｜${m.copies}份｜${m.original ? '原件' : '复印件'}${m.promisable ? '｜可告知承诺' : ''}`)
      .join('\n'),
    result: item.result,
    feeAmount: item.fee.amount,
    feeBasis: item.fee.basis,
    publicNotes: item.publicNotes,
    specialSteps:
      item.specialSteps.length === 0
        ? '无'
        : item.specialSteps.map((s) => `${s.name}｜${SPECIAL_STEP_KIND_LABELS[s.kind]}｜${s.limitDays}｜${s.countsTowardLegal ? '计入' : '不计入'}`).join('\n'),
  };
}

const LIST_VALIDATIONS: Partial<Record<ColumnKey, string>> = {
  level: '"县,乡镇,村"',
  kind: '"即办件,承诺件"',
  inPersonRequired: '"是,否"',
  proxyAllowed: '"是,否"',
  onlineAllowed: '"是,否"',
};

async function workbookWith(rows: Record<ColumnKey, string | number | null>[], opts: { exampleRow: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'bianmin';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = CATALOG_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const header = sheet.getRow(1);
  CATALOG_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = c.note;
    cell.font = { bold: true, color: c.required ? { argb: 'FF000000' } : { argb: 'FF555555' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 32;

  for (const values of rows) {
    const row = sheet.addRow(CATALOG_COLUMNS.map((c) => values[c.key]));
    row.alignment = { vertical: 'top', wrapText: true };
    if (opts.exampleRow) row.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  }

  // Drop-down lists, one range per column. Worksheet.dataValidations.add takes a range but is missing from
  // exceljs's typings; per-cell validations would be merged by exceljs into overlapping ranges Excel complains of.
  const validations = (sheet as unknown as { dataValidations?: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const lastRow = Math.max(rows.length + 1, 500);
  CATALOG_COLUMNS.forEach((c, i) => {
    const formula = LIST_VALIDATIONS[c.key];
    if (!formula || !validations) return;
    const letter = sheet.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: c.header,
      error: c.note,
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The catalog as one worksheet in the import columns, so export → edit → import round-trips. */
export function writeItemsToXlsx(items: readonly CatalogItem[]): Promise<Buffer> {
  return workbookWith(items.map(cellsOf), { exampleRow: false });
}

/** The item shown on the template's example row (its name starts with 【示例】, so importing skips it). */
export const TEMPLATE_EXAMPLE_ITEM: CatalogItem = {
  code: 'MZ-003',
  name: `${EXAMPLE_ROW_MARK}城乡居民最低生活保障`,
  aliases: ['低保', '低保户'],
  category: '社会救助',
  department: '县民政局',
  window: '民政窗口',
  level: 'county',
  acceptLevels: ['village', 'township', 'county'],
  kind: 'promised',
  legalDays: 30,
  promisedDays: 25,
  joint: [],
  inPersonRequired: false,
  proxyAllowed: true,
  onlineAllowed: true,
  conditions: '持有本县户籍，共同生活的家庭成员人均收入低于当地最低生活保障标准，且财产状况符合规定的家庭。',
  basis: ['《社会救助暂行办法》', '《最低生活保障审核确认办法》'],
  steps: ['申请', '受理', '家庭经济状况调查核对', '乡镇审核并公示', '县级审核确认', '按月发放'],
  materials: [
    { name: '最低生活保障申请书', main: true, copies: 1, original: true },
    { name: '居民身份证', main: true, copies: 1, original: true },
    { name: '家庭经济状况核对授权书', main: true, copies: 1, original: true },
    { name: '居民户口簿', main: false, copies: 1, original: true },
  ],
  result: '最低生活保障金按月发放',
  fee: { amount: 0, basis: '不收费' },
  publicNotes: '乡镇审核意见在申请人所在村（社区）公示7天',
  specialSteps: [{ name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true }],
};

/** An empty import template: the headers (each with a note on how to fill it) and one example row. */
export function catalogTemplateXlsx(): Promise<Buffer> {
  return workbookWith([cellsOf(TEMPLATE_EXAMPLE_ITEM)], { exampleRow: true });
}
