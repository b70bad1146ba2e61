/**
 * 标准化建设 (issue 13 §4): the checklists a center's facilities are scored against, as data. A checklist belongs to a
 * level of center (village rooms: 五有; township centers), is edited by the system administrator in versions (a round
 * keeps the version it started with), and its items' points total exactly 100.
 *
 * An item is one of three kinds:
 * - `check`  达标/不达标 (the rules are on the wall, the device works …)
 * - `number` a value entered and checked against a minimum (the room's area ≥ 40 m²)
 * - `sign`   the wording of the sign at the door, checked against the center's own name (“柳河村便民服务室”)
 */
export const CHECKLIST_LEVELS = ['village', 'township'] as const;
export type ChecklistLevel = (typeof CHECKLIST_LEVELS)[number];

export const CHECKLIST_LEVEL_NAMES: Record<ChecklistLevel, string> = {
  village: '村便民服务室（五有）',
  township: '乡镇便民服务中心',
};

export const ITEM_KINDS = ['check', 'number', 'sign'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_NAMES: Record<ItemKind, string> = {
  check: '是否达标',
  number: '填写数值（不低于标准值）',
  sign: '标识牌名称（与本中心名称核对）',
};

export interface ChecklistItem {
  /** stable within a checklist: 'V-PLACE-AREA' */
  code: string;
  /** the heading it stands under: '有场所' */
  group: string;
  title: string;
  /** what the standard asks, as read at the inspection */
  requirement: string;
  points: number;
  kind: ItemKind;
  /** number: the least value that passes (40) */
  min?: number | null;
  /** number: '平方米' */
  unit?: string | null;
}

export const CHECKLIST_TOTAL = 100;

/** Points are whole or half points. */
export const isPointValue = (n: number) => Number.isFinite(n) && Number.isInteger(n * 2);

/** Why a checklist cannot be used (empty when it can): total 100, codes unique, points positive, thresholds set. */
export function checklistProblems(items: readonly ChecklistItem[]): string[] {
  const problems: string[] = [];
  if (items.length === 0) problems.push('检查表至少要有一项。');
  const seen = new Set<string>();
  for (const item of items) {
    if (!/^[A-Za-z0-9-]{1,40}$/.test(item.code)) problems.push(`检查项编号“${item.code}”只能用字母、数字和短横线（不超过 40 个字符）。`);
    if (seen.has(item.code)) problems.push(`检查项编号“${item.code}”重复了，每项的编号须不同。`);
    seen.add(item.code);
    if (!(item.points > 0) || !isPointValue(item.points)) problems.push(`“${item.title}”的分值须大于 0，且为整数或半分（如 5 或 2.5）。`);
    if (item.kind === 'number' && (item.min === null || item.min === undefined || !(item.min > 0))) {
      problems.push(`“${item.title}”是填写数值的项目，须设置大于 0 的标准值（如面积 40）。`);
    }
  }
  const total = totalPoints(items);
  if (total !== CHECKLIST_TOTAL) problems.push(`各项分值合计须为 ${CHECKLIST_TOTAL} 分，现在是 ${total} 分，请调整分值。`);
  return problems;
}

/** Sum of points, exact for half points. */
export const totalPoints = (items: readonly { points: number }[]) => Math.round(items.reduce((s, i) => s + i.points, 0) * 2) / 2;

/** The items grouped under their headings, in the checklist's order. */
export function groupsOf<T extends { group: string }>(items: readonly T[]): { group: string; items: T[] }[] {
  const groups: { group: string; items: T[] }[] = [];
  for (const item of items) {
    const last = groups.find((g) => g.group === item.group);
    if (last) last.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return groups;
}

/**
 * The first version of each checklist, loaded by migration 0039 (the seeds' fixtures). Later changes are new
 * versions made by the system administrator; this text is not read again once the migration has run.
 */
export const SEED_CHECKLISTS: Record<ChecklistLevel, { title: string; items: ChecklistItem[] }> = {
  village: {
    title: '村便民服务室标准化建设检查表（五有）',
    items: [
      { code: 'V-PLACE-AREA', group: '有场所', title: '服务场所面积', requirement: '有独立的便民服务场所，使用面积不少于 40 平方米', points: 15, kind: 'number', min: 40, unit: '平方米' },
      { code: 'V-PLACE-FACILITY', group: '有场所', title: '办公和便民设施', requirement: '配备办公桌椅、电脑、打印机，设群众等候座椅和饮水设施', points: 10, kind: 'check' },
      { code: 'V-SIGN-NAME', group: '有标识', title: '门牌标识', requirement: '门口悬挂统一样式的“XXX村便民服务室”标识牌', points: 10, kind: 'sign' },
      { code: 'V-SIGN-GUIDE', group: '有标识', title: '室内标识和岗位牌', requirement: '室内有服务指引，代办员岗位牌标明姓名、照片、职责和联系电话', points: 10, kind: 'check' },
      { code: 'V-RULE-ITEMS', group: '有制度上墙', title: '代办事项清单公开', requirement: '公开本村可代办、帮办的事项清单', points: 8, kind: 'check' },
      { code: 'V-RULE-PROCEDURE', group: '有制度上墙', title: '办事流程公开', requirement: '公开主要事项的办事流程和所需材料', points: 6, kind: 'check' },
      { code: 'V-RULE-FEES', group: '有制度上墙', title: '收费标准公开', requirement: '公开收费标准，村级代办一律免费并公示“代办免费”', points: 5, kind: 'check' },
      { code: 'V-RULE-SYSTEMS', group: '有制度上墙', title: '工作制度上墙', requirement: '代办员岗位职责、首问负责、一次性告知、服务承诺等制度上墙', points: 6, kind: 'check' },
      { code: 'V-AGENT-STAFF', group: '有代办员', title: '代办员配备', requirement: '明确至少 1 名代办员，名单报乡镇便民服务中心备案', points: 8, kind: 'check' },
      { code: 'V-AGENT-DUTY', group: '有代办员', title: '代办员坐班', requirement: '按固定办公日坐班，公示代办员联系电话', points: 7, kind: 'check' },
      { code: 'V-RECORD-LEDGER', group: '有代办记录', title: '代办登记台账', requirement: '代办登记台账完整，受理、转报、结果回复逐件记录', points: 8, kind: 'check' },
      { code: 'V-RECORD-FILES', group: '有代办记录', title: '代办资料归档', requirement: '代理服务委托书、报送清单等资料按月归档', points: 7, kind: 'check' },
    ],
  },
  township: {
    title: '乡镇便民服务中心标准化建设检查表',
    items: [
      { code: 'T-HALL-AREA', group: '服务场所', title: '服务大厅面积', requirement: '设独立的便民服务大厅，使用面积不少于 100 平方米', points: 10, kind: 'number', min: 100, unit: '平方米' },
      { code: 'T-HALL-FACILITY', group: '服务场所', title: '便民设施', requirement: '设等候区、填单台、休息座椅、饮水、老花镜等便民设施，有无障碍通道', points: 10, kind: 'check' },
      { code: 'T-SIGN-NAME', group: '窗口和标识', title: '门牌标识', requirement: '门口悬挂统一样式的“XX镇便民服务中心”标识牌', points: 6, kind: 'sign' },
      { code: 'T-SIGN-WINDOWS', group: '窗口和标识', title: '窗口标识', requirement: '窗口设置合理，每个窗口标明名称和办理事项', points: 7, kind: 'check' },
      { code: 'T-SIGN-STAFF', group: '窗口和标识', title: '挂牌上岗', requirement: '工作人员挂牌上岗，窗口摆放岗位牌（A岗、B岗）', points: 7, kind: 'check' },
      { code: 'T-RULE-ONCE', group: '制度上墙', title: '一次性告知制', requirement: '一次性告知制度上墙并落实', points: 5, kind: 'check' },
      { code: 'T-RULE-FIRST', group: '制度上墙', title: '首问负责制', requirement: '首问负责制度上墙并落实', points: 5, kind: 'check' },
      { code: 'T-RULE-LIMIT', group: '制度上墙', title: '限时办结制', requirement: '限时办结制度上墙并落实', points: 5, kind: 'check' },
      { code: 'T-RULE-AB', group: '制度上墙', title: 'AB岗工作制', requirement: 'AB岗工作制度上墙，每个窗口明确 A岗、B岗人员', points: 5, kind: 'check' },
      { code: 'T-DEVICE-QUEUE', group: '服务设备', title: '排队叫号设备', requirement: '排队叫号设备和显示屏正常使用', points: 10, kind: 'check' },
      { code: 'T-DEVICE-RATING', group: '服务设备', title: '评价设备', requirement: '每个窗口设评价器（好差评），正常使用', points: 10, kind: 'check' },
      { code: 'T-OPEN-BOARD', group: '政务公开', title: '政务公开栏', requirement: '设政务公开栏，公开事项清单、办事指南、收费标准', points: 10, kind: 'check' },
      { code: 'T-OPEN-STAFF', group: '政务公开', title: '人员和监督公开', requirement: '公开工作人员信息、监督电话和投诉渠道', points: 10, kind: 'check' },
    ],
  },
};

/** Photos of the premises (phone pictures): JPEG or PNG, at most 8 MB, the type told by the content. */
export const STANDARDS_PHOTO_LIMITS = { purpose: '现场照片', maxBytes: 8 * 1024 * 1024, types: ['image/jpeg', 'image/png'] } as const;
