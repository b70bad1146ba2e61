import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ITEM_FIELD_LABELS, SPECIAL_STEP_KIND_LABELS, SPECIAL_STEP_KINDS, validateItem, withInferredSpecialSteps, type CatalogItem } from '../../../src/domain/catalog/item.js';
import { DomainError } from '../../../src/domain/errors.js';
import {
  CATALOG_COLUMNS,
  EXAMPLE_ROW_MARK,
  TEMPLATE_EXAMPLE_ITEM,
  catalogTemplateXlsx,
  readItemsFromJson,
  readItemsFromXlsx,
  writeItemsToXlsx,
} from '../../../src/modules/catalog/spreadsheet.js';
import { demoItem, loadDemoCatalog } from './demo-catalog.js';

function checked(raw: unknown): CatalogItem {
  const result = validateItem(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const demoItems = () => loadDemoCatalog().items.map(checked);

/** A workbook from rows of cell values (first row = headers). */
async function sheet(rows: unknown[][], opts: { sheetName?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(opts.sheetName ?? 'Sheet1');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function sheetRows(buffer: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const ws = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const HEADERS = CATALOG_COLUMNS.map((c) => c.header);

/** One row in the Chinese columns, from a demo item, with some cells replaced. */
function rowFor(code: string, patch: Partial<Record<(typeof CATALOG_COLUMNS)[number]['key'], unknown>> = {}): unknown[] {
  const item = checked(demoItem(code));
  const levels = { county: '县', township: '乡镇', village: '村' } as const;
  const base: Record<string, unknown> = {
    code: item.code,
    name: item.name,
    aliases: item.aliases.join('、'),
    category: item.category,
    department: item.department,
    window: item.window,
    level: levels[item.level],
    acceptLevels: item.acceptLevels.map((l) => levels[l]).join('；'),
    kind: item.kind === 'immediate' ? '即办件' : '承诺件',
    legalDays: item.legalDays,
    promisedDays: item.promisedDays,
    joint: item.joint.join('；'),
    inPersonRequired: item.inPersonRequired ? '是' : '否',
    proxyAllowed: item.proxyAllowed ? '是' : '否',
    onlineAllowed: item.onlineAllowed ? '是' : '否',
    conditions: item.conditions,
    basis: item.basis.join('\n'),
    steps: item.steps.join('；'),
    materials: item.materials.map((m) => `${m.name}|${m.main ? '主件' : '附件'}|${m.copies}份|${m.original ? '原件' : '复印件'}`).join('\n'),
    result: item.result,
    feeAmount: item.fee.amount,
    feeBasis: item.fee.basis,
    publicNotes: item.publicNotes,
    specialSteps: '无',
    ...patch,
  };
  return CATALOG_COLUMNS.map((c) => base[c.key] ?? null);
}

async function expectDomainError(promise: Promise<unknown> | (() => unknown), code: string): Promise<DomainError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).message).toMatch(/[\u4e00-\u9fff]/);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}`);
}

describe('columns', () => {
  it('are the Chinese labels, fee split into amount and basis', () => {
    expect(HEADERS).toEqual([
      '事项编码',
      '事项名称',
      '俗称',
      '事项类别',
      '实施部门',
      '受理窗口',
      '办理层级',
      '可受理层级',
      '办件类型',
      '法定办结时限（工作日）',
      '承诺办结时限（工作日）',
      '联办部门',
      '须本人到场',
      '可代办',
      '可网上申请',
      '办理条件',
      '设定依据',
      '办理流程',
      '申报材料',
      '办理结果',
      '收费金额（元）',
      '收费依据',
      '公开说明',
      '特殊环节',
    ]);
    for (const [key, label] of Object.entries(ITEM_FIELD_LABELS)) {
      if (key !== 'fee') expect(HEADERS).toContain(label);
    }
  });
});

describe('export → import', () => {
  it('round-trips all 56 demo items', async () => {
    const items = demoItems();
    const read = await readItemsFromXlsx(await writeItemsToXlsx(items));
    expect(read.ignoredColumns).toEqual([]);
    expect(read.rows.map((r) => r.errors)).toEqual(items.map(() => []));
    expect(read.rows.map((r) => r.row)).toEqual(items.map((_, i) => i + 2));
    expect(read.rows.map((r) => r.item)).toEqual(items);
  });

  it('round-trips the demo items with their inferred special steps', async () => {
    const items = demoItems().map(withInferredSpecialSteps);
    expect(items.filter((i) => i.specialSteps.length > 0)).toHaveLength(10);
    const read = await readItemsFromXlsx(await writeItemsToXlsx(items));
    expect(read.rows.map((r) => r.item)).toEqual(items);
  });

  it('writes each kind of special step by its Chinese name, and reads it back', async () => {
    const steps = SPECIAL_STEP_KINDS.map((kind, i) => ({ name: `环节${i + 1}`, kind, limitDays: i + 2, countsTowardLegal: i % 2 === 0 }));
    const item = { ...checked(demoItem('ZR-002')), specialSteps: steps };
    const buffer = await writeItemsToXlsx([item]);
    const cell = String((await sheetRows(buffer))[1]![HEADERS.indexOf('特殊环节')]);
    expect(cell.split('\n').map((line) => line.split('｜')[1])).toEqual(SPECIAL_STEP_KINDS.map((k) => SPECIAL_STEP_KIND_LABELS[k]));
    expect(cell).not.toMatch(/[a-z_]{4,}/);
    expect((await readItemsFromXlsx(buffer)).rows[0]?.item).toEqual(item);
  });

  it('writes the cells a person expects to read', async () => {
    const [header, row] = await sheetRows(await writeItemsToXlsx([checked(demoItem('ZR-002'))].map(withInferredSpecialSteps)));
    expect(header).toEqual(HEADERS);
    const cell = (label: string) => row![HEADERS.indexOf(label)];
    expect(cell('办理层级')).toBe('县');
    expect(cell('可受理层级')).toBe('乡镇\n县');
    expect(cell('办件类型')).toBe('承诺件');
    expect(cell('法定办结时限（工作日）')).toBe(30);
    expect(cell('可网上申请')).toBe('是');
    expect(cell('收费金额（元）')).toBe(0);
    expect(String(cell('申报材料')).split('\n')[0]).toMatch(/^.+｜主件｜1份｜原件$/);
    expect(cell('特殊环节')).toBe('公告｜公示｜15｜不计入\n实地查看｜现场踏勘｜5｜计入');
  });

  it('keeps the order of lists as the item has it', async () => {
    const item = checked({ ...demoItem('MZ-003'), acceptLevels: ['county', 'village'], joint: ['县卫生健康局', '县残疾人联合会'] });
    const read = await readItemsFromXlsx(await writeItemsToXlsx([item]));
    expect(read.rows[0]?.item).toEqual(item);
  });

  it('exports items that carry extra fields (id, status, version) without them', async () => {
    const view = { id: 'x', status: 'active', version: 3, ...checked(demoItem('MZ-003')) };
    const read = await readItemsFromXlsx(await writeItemsToXlsx([view]));
    expect(read.rows[0]?.item).toEqual(checked(demoItem('MZ-003')));
  });
});

describe('the template', () => {
  it('has the headers and one example row, which import skips', async () => {
    const buffer = await catalogTemplateXlsx();
    const rows = await sheetRows(buffer);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(HEADERS);
    expect(String(rows[1]![1])).toMatch(new RegExp(`^${EXAMPLE_ROW_MARK}`));
    expect(rows[1]![HEADERS.indexOf('俗称')]).toBe('低保、低保户');
    expect(rows[1]![HEADERS.indexOf('特殊环节')]).toBe('公示｜公示｜7｜计入');
    expect(await readItemsFromXlsx(buffer)).toEqual({ rows: [], ignoredColumns: [] });
  });

  it('offers drop-down lists for levels, kinds and yes/no columns', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await catalogTemplateXlsx()) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const ws = workbook.worksheets[0]!;
    const columnOf = (header: string) => HEADERS.indexOf(header) + 1;
    expect(ws.getCell(2, columnOf('办理层级')).dataValidation).toMatchObject({ type: 'list', formulae: ['"县,乡镇,村"'] });
    expect(ws.getCell(300, columnOf('办件类型')).dataValidation).toMatchObject({ type: 'list', formulae: ['"即办件,承诺件"'] });
    expect(ws.getCell(2, columnOf('可代办')).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell(1, columnOf('申报材料')).note).toBeTruthy();
  });

  it('the example row is a valid item once the mark is removed', () => {
    const item = { ...TEMPLATE_EXAMPLE_ITEM, name: TEMPLATE_EXAMPLE_ITEM.name.replace(EXAMPLE_ROW_MARK, '') };
    expect(validateItem(item).ok).toBe(true);
  });
});

describe('reading a sheet people filled in', () => {
  it('reports each bad row by the row number Excel shows', async () => {
    const buffer = await sheet([
      ['事项目录（2025年版）'],
      HEADERS,
      rowFor('MZ-003'),
      rowFor('MZ-001', { level: '省' }),
      rowFor('MZ-002', { name: '' }),
      [],
      rowFor('MZ-002', { promisedDays: 5 }),
      rowFor('GA-001', { materials: '出生医学证明｜主件｜加急\n居民户口簿｜附件' }),
      rowFor('MZ-003', { name: '城乡低保（重复）' }),
      rowFor('MZ-009', { proxyAllowed: '是' }),
      rowFor('LY-002', { legalDays: '二十天', promisedDays: '三十', inPersonRequired: '', feeAmount: '免费' }),
    ]);
    const { rows } = await readItemsFromXlsx(buffer);
    const byRow = Object.fromEntries(rows.map((r) => [r.row, r]));
    expect(rows.map((r) => r.row)).toEqual([3, 4, 5, 7, 8, 9, 10, 11]);
    expect(byRow[3]).toMatchObject({ code: 'MZ-003', errors: [] });
    expect(byRow[3]?.item?.specialSteps).toEqual([]); // 特殊环节 “无”
    expect(byRow[4]).toMatchObject({ code: 'MZ-001', errors: ['办理层级：“省”无法识别，请填写村、乡镇或县'] });
    expect(byRow[4]?.item).toBeUndefined();
    expect(byRow[5]?.errors).toEqual(['事项名称不能为空']);
    expect(byRow[5]?.name).toBeNull();
    expect(byRow[7]?.errors).toEqual(['服务时限：即办件当场办结，承诺办结时限必须为0；需要时间办理的请把办件类型改为承诺件']);
    expect(byRow[8]?.errors).toEqual(['申报材料第1项（出生医学证明）：“加急”无法识别，应为主件/附件、份数（如1份）、原件/复印件或“可告知承诺”']);
    expect(byRow[9]?.errors).toEqual(['事项编码 MZ-003 与第 3 行重复']);
    expect(byRow[10]?.errors).toEqual(['须本人到场的事项不能代办：请把“可代办”改为“否”（结婚、离婚、收养登记等必须当事人亲自办理）']);
    expect(byRow[11]?.errors).toEqual([
      '须本人到场：请填写“是”或“否”',
      '服务时限：承诺办结时限（30个工作日）不能超过法定办结时限（20个工作日）',
    ]);
  });

  it('accepts the lenient spellings', async () => {
    const buffer = await sheet([
      HEADERS,
      rowFor('ZR-002', {
        code: 'zr-002',
        level: '县政务服务中心',
        acceptLevels: '乡镇便民服务中心、县级',
        kind: '承诺',
        legalDays: '30个工作日',
        promisedDays: '10',
        inPersonRequired: 'N',
        proxyAllowed: 'Y',
        onlineAllowed: true,
        basis: '1.《不动产登记暂行条例》；2.《不动产登记暂行条例实施细则》',
        steps: '申请\n受理\n\n审核和实地查看\n公告\n登簿\n发证',
        materials: '不动产登记申请书|主件\n居民身份证 | 主件 | 原件\n林权证明材料|主件|2份|复印件\n林地四至界线图',
        feeAmount: '0元',
        specialSteps: '',
      }),
    ]);
    const { rows } = await readItemsFromXlsx(buffer);
    expect(rows[0]?.errors).toEqual([]);
    const item = rows[0]!.item!;
    expect(item.code).toBe('ZR-002');
    expect(item.level).toBe('county');
    expect(item.acceptLevels).toEqual(['township', 'county']);
    expect(item.legalDays).toBe(30);
    expect(item.proxyAllowed).toBe(true);
    expect(item.onlineAllowed).toBe(true);
    expect(item.basis).toEqual(['《不动产登记暂行条例》', '《不动产登记暂行条例实施细则》']);
    expect(item.steps).toEqual(['申请', '受理', '审核和实地查看', '公告', '登簿', '发证']);
    expect(item.materials).toEqual([
      { name: '不动产登记申请书', main: true, copies: 1, original: true },
      { name: '居民身份证', main: true, copies: 1, original: true },
      { name: '林权证明材料', main: true, copies: 2, original: false },
      { name: '林地四至界线图', main: false, copies: 1, original: true },
    ]);
    // An empty 特殊环节 cell: read from the procedure and the public notes.
    expect(item.specialSteps).toEqual([
      { name: '公告', kind: 'publicity', limitDays: 15, countsTowardLegal: false },
      { name: '实地查看', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
    ]);
  });

  it('reads special steps written by hand', async () => {
    const buffer = await sheet([
      HEADERS,
      rowFor('MZ-003', { specialSteps: '公示｜公示｜7天｜不计入\n入户调查|5\n（3）听证会｜hearing｜10｜计入' }),
      rowFor('MZ-004', { specialSteps: '评议｜3' }),
    ]);
    const { rows } = await readItemsFromXlsx(buffer);
    expect(rows[0]?.item?.specialSteps).toEqual([
      { name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: false },
      { name: '入户调查', kind: 'site_survey', limitDays: 5, countsTowardLegal: true },
      { name: '听证会', kind: 'hearing', limitDays: 10, countsTowardLegal: true },
    ]);
    expect(rows[1]?.errors).toEqual(['特殊环节第1项（评议）：请写明环节类型（现场踏勘、公示、听证、专家评审或检验检测）']);
  });

  it('accepts catalog.json keys as headers and ignores unknown columns', async () => {
    const keys = CATALOG_COLUMNS.map((c) => (c.key === 'feeAmount' ? 'fee.amount' : c.key === 'feeBasis' ? 'fee.basis' : c.key));
    const buffer = await sheet([[...keys, '序号'], [...rowFor('JS-006'), 1]]);
    const read = await readItemsFromXlsx(buffer);
    expect(read.ignoredColumns).toEqual(['序号']);
    expect(read.rows[0]?.item).toEqual(checked(demoItem('JS-006')));
  });

  it('optional columns may be left out: no legal limit, no joint departments, special steps inferred', async () => {
    const keep = CATALOG_COLUMNS.filter((c) => c.required);
    const full = rowFor('MZ-003');
    const buffer = await sheet([keep.map((c) => c.header), keep.map((c) => full[CATALOG_COLUMNS.indexOf(c)])]);
    const item = (await readItemsFromXlsx(buffer)).rows[0]?.item;
    expect(item?.legalDays).toBeNull();
    expect(item?.publicNotes).toBeNull();
    expect(item?.specialSteps).toEqual([{ name: '公示', kind: 'publicity', limitDays: 7, countsTowardLegal: true }]);
  });

  it('reads 俗称 separated by 、 ； , or line breaks; without the column the row says nothing of them', async () => {
    const buffer = await sheet([HEADERS, rowFor('MZ-003', { aliases: '低保、低保户；城市低保\n农村低保, 低保金' }), rowFor('MZ-004', { aliases: '' })]);
    const { rows } = await readItemsFromXlsx(buffer);
    expect(rows[0]?.item?.aliases).toEqual(['低保', '低保户', '城市低保', '农村低保', '低保金']);
    expect(rows[1]?.item?.aliases).toEqual([]);
    expect(rows.map((r) => r.aliasesGiven)).toEqual([true, true]);

    const repeated = await readItemsFromXlsx(await sheet([HEADERS, rowFor('MZ-003', { aliases: '低保、低保' })]));
    expect(repeated.rows[0]?.errors).toEqual(['俗称重复：低保']);

    const without = HEADERS.filter((h) => h !== '俗称');
    const row = rowFor('MZ-003').filter((_, i) => HEADERS[i] !== '俗称');
    const read = await readItemsFromXlsx(await sheet([without, row]));
    expect(read.rows[0]?.item?.aliases).toEqual([]);
    expect(read.rows[0]?.aliasesGiven).toBe(false);
    // the other spellings of the header
    const named = await readItemsFromXlsx(await sheet([HEADERS.map((h) => (h === '俗称' ? '别名' : h)), rowFor('MZ-003')]));
    expect(named.rows[0]?.item?.aliases).toEqual(['低保', '低保户']);
  });

  it('refuses a sheet without required columns, with repeated columns or without headers', async () => {
    const missing = await expectDomainError(readItemsFromXlsx(await sheet([HEADERS.filter((h) => h !== '申报材料' && h !== '可代办')])), 'IMPORT_COLUMNS_MISSING');
    expect(missing.message).toBe('表格缺少这些列：“可代办”、“申报材料”。请下载模板，按模板的列填写后再导入。');
    await expectDomainError(readItemsFromXlsx(await sheet([[...HEADERS, 'name']])), 'IMPORT_COLUMNS_DUPLICATE');
    await expectDomainError(readItemsFromXlsx(await sheet([['甲', '乙'], [1, 2]])), 'IMPORT_NO_HEADER');
  });

  it('refuses a file that is not a spreadsheet', async () => {
    await expectDomainError(readItemsFromXlsx(Buffer.from('code,name\nMZ-003,低保')), 'IMPORT_FILE_UNREADABLE');
  });
});

describe('readItemsFromJson', () => {
  it('reads catalog.json and infers the special steps it does not carry', () => {
    const read = readItemsFromJson(loadDemoCatalog());
    expect(read.rows).toHaveLength(56);
    expect(read.rows.every((r) => r.errors.length === 0 && r.item)).toBe(true);
    expect(read.rows.map((r) => r.item)).toEqual(demoItems().map(withInferredSpecialSteps));
  });

  it('tells whether an item gave its 俗称', () => {
    const { aliases: _a, ...bare } = demoItem('MZ-003');
    const read = readItemsFromJson([demoItem('MZ-003'), { ...bare, code: 'MZ-103' }]);
    expect(read.rows.map((r) => [r.item?.aliases, r.aliasesGiven])).toEqual([
      [['低保', '低保户'], true],
      [[], false],
    ]);
  });

  it('reads a bare array; an explicit [] stays empty', () => {
    const read = readItemsFromJson([{ ...demoItem('MZ-003'), specialSteps: [] }, demoItem('MZ-003')]);
    expect(read.rows[0]?.item?.specialSteps).toEqual([]);
    expect(read.rows[1]?.item).toBeUndefined();
    expect(read.rows[1]?.errors).toEqual(['事项编码 MZ-003 与第 1 项重复']);
  });

  it('reports bad items by their position', () => {
    const read = readItemsFromJson({ items: [demoItem('MZ-001'), 'MZ-002', { ...demoItem('MZ-009'), proxyAllowed: true }] });
    expect(read.rows.map((r) => [r.row, r.code, r.errors])).toEqual([
      [1, 'MZ-001', []],
      [2, null, ['事项信息必须是一个对象（JSON 对象）']],
      [3, 'MZ-009', ['须本人到场的事项不能代办：请把“可代办”改为“否”（结婚、离婚、收养登记等必须当事人亲自办理）']],
    ]);
  });

  it('refuses anything that is not a list of items', async () => {
    await expectDomainError(() => readItemsFromJson({ version: 1 }), 'IMPORT_FILE_SHAPE');
    await expectDomainError(() => readItemsFromJson('items'), 'IMPORT_FILE_SHAPE');
  });
});
