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

const text = z.string().trim().min(1, '不能为空');
const optionalText = z.string().trim().optional();
const days = z.number().int().positive();

export const ACTION_INPUT_SCHEMAS = {
  accept: z.object({}),
  'notify-supplement': z.object({
    /** every missing or defective material, by its name in the guide */
    missing: z.array(text).min(1, '请至少列出一项需要补正的材料'),
    /** what is wrong with materials already on file; required to ask again for one of them */
    defectNote: optionalText,
  }),
  supplement: z.object({ materials: z.array(text).min(1, '请至少登记一项补交的材料') }),
  return: z.object({ reasons: optionalText, basis: optionalText }),
  /** `reason` names one of the item's special steps (特殊环节), e.g. 公示 */
  pause: z.object({ reason: text, limitDays: days }),
  resume: z.object({}),
  'request-extension': z.object({ reason: text, days }),
  'approve-extension': z.object({ comment: optionalText }),
  'reject-extension': z.object({ comment: optionalText }),
  review: z.object({ department: text, opinion: z.enum(['agree', 'disagree']), comment: optionalText }),
  escalate: z.object({}),
  forward: z.object({ urgent: z.boolean().optional() }),
  receive: z.object({}),
  transfer: z.object({ toWindowId: text }),
  complete: z.object({
    outcome: z.enum(['approved', 'denied']),
    resultNo: optionalText,
    reasons: optionalText,
    basis: optionalText,
    /** fee actually charged (元); only the item's legal fee may be charged (rule 6) */
    feeCharged: z.number().nonnegative().optional(),
    /** the receipt (票据) number, required whenever a fee is charged */
    receiptNo: optionalText,
  }),
  deliver: z.object({ method: z.enum(['window', 'mail', 'agent']), at: z.iso.datetime({ offset: true }).optional() }),
  withdraw: z.object({ reason: optionalText }),
} satisfies { [A in CaseAction]: z.ZodType };

export type ActionInput<A extends CaseAction> = z.infer<(typeof ACTION_INPUT_SCHEMAS)[A]>;
