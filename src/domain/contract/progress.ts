/**
 * GET /api/public/progress: what a villager sees with the case number and the last four digits of the phone.
 * Nothing personal: no name, no ID number, no phone, and only fixed timeline texts (never a clerk's notes).
 * The public page uses the inferred type only (it carries no schema library).
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../cases/model.js';

export const progressSchema = z.object({
  caseNo: z.string(),
  itemName: z.string(),
  status: z.enum(CASE_STATUSES),
  statusName: z.string(),
  acceptedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** 暂定: the due date was counted through a year whose holiday arrangement is not published yet */
  dueProvisional: z.boolean(),
  timeline: z.array(z.object({ at: z.string(), text: z.string() })),
});
export type Progress = z.infer<typeof progressSchema>;
