/**
 * The supervision rules (电子监察规则) as data (DOMAIN.md "Electronic supervision", REFERENCES.md 电子监察): each has
 * a stable code, a rule number in the style of GB/T 39046 表11 监察规则编号 (JC-01 …), a Chinese name and
 * description, a severity (预警 / 违规), the parameters an administrator may change and what makes it run
 * (case events, the sweep job, or both). The rows of `supervision_rules` are seeded from this list (migration 0018)
 * and carry the switch and the parameters in force; the evaluators (evaluate.ts) are the code of each rule. Pure.
 */
export const RULE_CODES = [
  'promise-overrun',
  'immediate-same-day',
  'special-step-overrun',
  'supplement-beyond-notice',
  'hop-village-township',
  'hop-township-county',
  'hop-hand-back',
  'fee-not-standard',
  'extension-after-due',
  'acceptance-backdated',
  'objection-unanswered',
  'rating-visit-late',
  'rating-fix-late',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export const SEVERITIES = ['warning', 'violation'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Record<Severity, string> = { warning: '预警', violation: '违规' };

/** What evaluates a rule: case events as they arrive, the sweep job over open cases, or both. */
export type RuleTrigger = 'event' | 'time' | 'both';
export const TRIGGER_NAMES: Record<RuleTrigger, string> = {
  event: '办件动态触发',
  time: '定时巡检',
  both: '办件动态触发 + 定时巡检',
};

/** One parameter of a rule as the administrator sees it: a whole number within bounds, with its unit. */
export interface RuleParameter {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  default: number;
}

export interface RuleDefinition {
  code: RuleCode;
  /** 监察规则编号 (GB/T 39046 表11) */
  number: string;
  name: string;
  description: string;
  severity: Severity;
  trigger: RuleTrigger;
  parameters: readonly RuleParameter[];
}

const grace: RuleParameter = { key: 'graceMinutes', label: '宽限时间', unit: '分钟', min: 0, max: 1440, default: 0 };

export const RULES: readonly RuleDefinition[] = [
  {
    code: 'promise-overrun',
    number: 'JC-01',
    name: '承诺件超期',
    description: '承诺件（含联办件、上报件）超过承诺办结时间仍未办结，或办结时间晚于承诺办结时间。暂停计时（待补正、特殊环节）期间不计。',
    severity: 'violation',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'immediate-same-day',
    number: 'JC-02',
    name: '即办件当日未办结',
    description: '即办件受理后，到受理当日（非工作日或下班后受理的，为下一个工作日）下班时仍未办结，或办结晚于该时间。',
    severity: 'violation',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'special-step-overrun',
    number: 'JC-03',
    name: '特殊环节超时',
    description: '现场踏勘、公示、听证、专家评审等特殊环节暂停计时，超过该环节登记的时限（工作日，到期日下班时）仍未恢复计时，或恢复晚于时限。',
    severity: 'violation',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'supplement-beyond-notice',
    number: 'JC-04',
    name: '一次性告知外再次要求补正',
    description: '已出具一次性告知书后，又要求群众补交告知书未列明的材料，且未登记已交材料存在缺陷的说明（DOMAIN.md 规则 1）。',
    severity: 'violation',
    trigger: 'event',
    parameters: [],
  },
  {
    code: 'hop-village-township',
    number: 'JC-05',
    name: '村级转报乡镇超时',
    description: '村便民服务室收件后未在时限内报送乡镇（普通件为下一个集中报送日，急件为下一个工作日）。',
    severity: 'warning',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'hop-township-county',
    number: 'JC-06',
    name: '乡镇上报县级超时',
    description: '上报件由乡镇受理后未在 2 个工作日内上报县政务服务中心。',
    severity: 'warning',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'hop-hand-back',
    number: 'JC-07',
    name: '结果回复群众超时',
    description: '村民的办件在上级办结后，未在 3 个工作日内由代办员回复群众并交付结果。',
    severity: 'warning',
    trigger: 'both',
    parameters: [grace],
  },
  {
    code: 'fee-not-standard',
    number: 'JC-08',
    name: '收费与法定标准不符',
    description: '办结时登记的收费金额不是该事项的法定收费标准（少收、多收或对不收费事项收费），或在村便民服务室收费，或收费未登记票据号码。依法减免的登记为 0 元。',
    severity: 'violation',
    trigger: 'event',
    parameters: [],
  },
  {
    code: 'extension-after-due',
    number: 'JC-09',
    name: '到期后申请延期',
    description: '延期申请晚于当时的承诺办结时间提出（DOMAIN.md 规则 5：延期须在到期前申请并经中心主任批准）。',
    severity: 'violation',
    trigger: 'event',
    parameters: [],
  },
  {
    code: 'acceptance-backdated',
    number: 'JC-10',
    name: '受理登记明显晚于收件（倒签嫌疑）',
    description: '办件到达受理中心（窗口收件，或村级报送的办件被乡镇接收）后，过了较长的办公时间才登记受理，受理时间不能反映群众实际办事的时间。',
    severity: 'warning',
    trigger: 'event',
    parameters: [{ key: 'thresholdHours', label: '收件后登记受理的时限', unit: '办公小时', min: 1, max: 200, default: 8 }],
  },
  {
    code: 'objection-unanswered',
    number: 'JC-11',
    name: '否定报备异议逾期未答复',
    description: '中心主任审查否定报备（退回、不予批准）提出“有异议”后，窗口未在时限内答复。',
    severity: 'warning',
    trigger: 'both',
    parameters: [{ key: 'answerDays', label: '答复时限', unit: '个工作日', min: 1, max: 30, default: 3 }],
  },
  // 差评整改工单 (issue 10 §1): evaluated over the work orders by the evaluation module, recorded against their case
  {
    code: 'rating-visit-late',
    number: 'JC-12',
    name: '差评回访核实超时',
    description: '群众作出差评（不满意、非常不满意）后，责任中心未在时限内（默认 1 个工作日，到期日下班时）回访核实，或回访晚于时限。',
    severity: 'warning',
    trigger: 'time',
    parameters: [grace],
  },
  {
    code: 'rating-fix-late',
    number: 'JC-13',
    name: '差评整改超时',
    description: '差评整改工单未在时限内（默认 15 个工作日，到期日下班时）完成整改并告知评价人，或整改晚于时限。',
    severity: 'violation',
    trigger: 'time',
    parameters: [grace],
  },
];

export const RULE_BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.code, r]));

export const isRuleCode = (code: string): code is RuleCode => RULE_BY_CODE.has(code);

/** The parameters a rule runs with: its defaults, overridden by the stored values it knows. */
export type RuleParams = Record<string, number>;

export function defaultParams(rule: RuleDefinition): RuleParams {
  return Object.fromEntries(rule.parameters.map((p) => [p.key, p.default]));
}

/** Stored parameters read for evaluation: unknown keys dropped, a missing or broken value is its default. */
export function effectiveParams(rule: RuleDefinition, stored: unknown): RuleParams {
  const given = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    rule.parameters.map((p) => {
      const v = given[p.key];
      return [p.key, typeof v === 'number' && Number.isInteger(v) && v >= p.min && v <= p.max ? v : p.default];
    }),
  );
}

/**
 * New parameters an administrator typed, checked against the rule: every key known, every value a whole number in
 * its bounds. Returns the complete set to store, or a Chinese problem.
 */
export function checkParams(rule: RuleDefinition, input: Record<string, unknown>, current: RuleParams): { ok: true; params: RuleParams } | { ok: false; message: string } {
  const next: RuleParams = { ...current };
  for (const [key, value] of Object.entries(input)) {
    const p = rule.parameters.find((x) => x.key === key);
    if (!p) {
      return {
        ok: false,
        message:
          rule.parameters.length === 0
            ? `监察规则“${rule.name}”没有可调整的参数。`
            : `监察规则“${rule.name}”没有参数“${key}”，可调整的参数是：${rule.parameters.map((x) => x.label).join('、')}。`,
      };
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < p.min || value > p.max) {
      return { ok: false, message: `“${p.label}”须是 ${p.min} 到 ${p.max} 之间的整数（单位：${p.unit}）。` };
    }
    next[key] = value;
  }
  return { ok: true, params: next };
}
