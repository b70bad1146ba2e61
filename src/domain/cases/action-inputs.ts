/**
 * The input of each case action (API.md: POST /api/cases/{id}/actions/{action}). Routes reuse these schemas
 * (add `expectedVersion` there); the domain takes the parsed values.
 *
 * The schemas check shape only. Whatever a rule of DOMAIN.md forbids is left to the domain so that it answers
 * with the rule's own code: e.g. a return without reasons parses here and is refused by `decide` with
 * REFUSAL_REASONS_REQUIRED (rule 2), not with a generic validation error.
 */
import { z } from 'zod';
import type { CaseAction } from './model.js';
import { TEXT_LIMITS, freeText } from '../text.js';
import { isIsoDate } from '../calendar/calendar.js';

// Every text has a limit (TEXT_LIMITS): reasons and basis go onto printed notices.
const text = (label: string, max: number = TEXT_LIMITS.shortName) => freeText(label, max, { required: true });
const optionalText = (label: string, max: number = TEXT_LIMITS.reason) => freeText(label, max).optional();
const names = (label: string) => z.array(text(label)).max(100, `${label}不能超过 100 项`);
const days = z.number().int().positive();

export const ACTION_INPUT_SCHEMAS = {
  accept: z.object({}),
  'notify-supplement': z.object({
    /** every missing or defective material, by its name in the guide */
    missing: names('需补正的材料名称').min(1, '请至少列出一项需要补正的材料'),
    /** what is wrong with materials already on file; required to ask again for one of them */
    defectNote: optionalText('材料问题说明'),
  }),
  supplement: z.object({ materials: names('补交的材料名称').min(1, '请至少登记一项补交的材料') }),
  return: z.object({ reasons: optionalText('退回理由', TEXT_LIMITS.refusal), basis: optionalText('退回依据', TEXT_LIMITS.refusal) }),
  /** `reason` names one of the item's special steps (特殊环节), e.g. 公示 */
  pause: z.object({ reason: text('特殊环节名称'), limitDays: days }),
  resume: z.object({}),
  'request-extension': z.object({ reason: text('延期理由', TEXT_LIMITS.reason), days }),
  'approve-extension': z.object({ comment: optionalText('审批意见') }),
  'reject-extension': z.object({ comment: optionalText('审批意见') }),
  review: z.object({ department: text('联办部门'), opinion: z.enum(['agree', 'disagree']), comment: optionalText('审核意见') }),
  escalate: z.object({}),
  forward: z.object({ urgent: z.boolean().optional() }),
  receive: z.object({}),
  transfer: z.object({ toWindowId: text('转办窗口', 64) }),
  complete: z.object({
    outcome: z.enum(['approved', 'denied']),
    resultNo: optionalText('结果文书编号', TEXT_LIMITS.code),
    /** the issued 证明/证照's last valid day, when it has one (kept as the applicant's level-A evidence) */
    resultValidUntil: z.string().refine(isIsoDate, '证照有效期至请按 YYYY-MM-DD 填写一个真实存在的日期，如 2029-12-31').optional(),
    reasons: optionalText('不予批准的理由', TEXT_LIMITS.refusal),
    basis: optionalText('不予批准的依据', TEXT_LIMITS.refusal),
    /** fee actually charged (元); only the item's legal fee may be charged (rule 6) */
    feeCharged: z.number().nonnegative().optional(),
    /** the receipt (票据) number, required whenever a fee is charged */
    receiptNo: optionalText('票据号码', TEXT_LIMITS.code),
  }),
  deliver: z.object({ method: z.enum(['window', 'mail', 'agent']), at: z.iso.datetime({ offset: true }).optional() }),
  withdraw: z.object({ reason: optionalText('撤回原因') }),
} satisfies { [A in CaseAction]: z.ZodType };

export type ActionInput<A extends CaseAction> = z.infer<(typeof ACTION_INPUT_SCHEMAS)[A]>;
