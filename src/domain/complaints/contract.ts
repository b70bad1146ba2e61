/**
 * What the server answers about complaints (/api/complaints*, /api/public/complaints*, API.md "v1 additions"): the
 * GB/T 39046 表10 fields, the light and the limit, the decision and the answer, the merge links, the timeline; and
 * the public query, which carries no staff names and no personal data beyond what the complainant gave.
 */
import { z } from 'zod';
import { instant, isoDate } from '../contract/common.js';
import { COMPLAINT_ACTIONS, COMPLAINT_CLASSES, COMPLAINT_SOURCES, COMPLAINT_STATUSES, VISIT_RESULTS } from './complaints.js';

const lightSchema = z.enum(['green', 'yellow', 'red']);
const link = z.object({ id: z.string(), complaintNo: z.string(), title: z.string(), status: z.enum(COMPLAINT_STATUSES) });

export const complaintSchema = z.object({
  id: z.string(),
  /** TS-410899101-2026-0007 */
  complaintNo: z.string(),
  /** 标题 */
  title: z.string(),
  /** 来源 */
  source: z.enum(COMPLAINT_SOURCES),
  sourceName: z.string(),
  cls: z.enum(COMPLAINT_CLASSES),
  clsName: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  statusName: z.string(),
  /** 承办单位: the center that handles it */
  orgId: z.string(),
  orgName: z.string(),
  /** 被投诉单位 / 被投诉人 */
  respondentUnit: z.string(),
  respondentPerson: z.string().nullable(),
  /** 投诉人; the phone masked unless the viewer handles the complaint */
  complainant: z.object({ name: z.string(), phone: z.string(), phoneMasked: z.boolean() }),
  /** the case complained about (a 差评's case) */
  caseNo: z.string().nullable(),
  /** 12345 work-order number */
  hotlineNo: z.string().nullable(),
  /** 时间 */
  receivedAt: instant,
  /** 承诺时限 / 延期时限 / 延期原因 */
  dueDate: isoDate,
  extendedDue: isoDate.nullable(),
  extensionReason: z.string().nullable(),
  light: lightSchema.nullable(),
  /** 超期天数 (working days) */
  overdueDays: z.number().int(),
  /** 承办人 / 承办时间 */
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  handledAt: instant.nullable(),
  /** 属实 or not, and why */
  upheld: z.boolean().nullable(),
  decisionReasons: z.string().nullable(),
  /** 反馈信息 / 反馈时间 */
  feedback: z.string().nullable(),
  feedbackAt: instant.nullable(),
  visitResult: z.enum(VISIT_RESULTS).nullable(),
  /** counted in the monthly assessment (an upheld complaint), and the month it counts in */
  assessment: z.boolean(),
  assessmentMonth: z.string().nullable(),
  mergedInto: link.nullable(),
  version: z.number().int(),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintEventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  typeName: z.string(),
  at: instant,
  /** who: a staff member, or 投诉人 / 系统 */
  byName: z.string(),
  fromStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  toStatus: z.enum(COMPLAINT_STATUSES),
  text: z.string(),
});
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;

export const complaintDetailSchema = complaintSchema.extend({
  /** 内容 */
  content: z.string(),
  findings: z.string().nullable(),
  /** shown to those handling it, to tell a complainant who phoned in */
  queryCode: z.string().nullable(),
  mergedFrom: z.array(link),
  events: z.array(complaintEventSchema),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintListSchema = z.object({ complaints: z.array(complaintSchema), total: z.number().int() });
export type ComplaintList = z.infer<typeof complaintListSchema>;

export const complaintLimitsSchema = z.object({ simpleDays: z.number().int(), complexDays: z.number().int(), maxExtensionDays: z.number().int() });

export const publicComplaintCreatedSchema = z.object({ complaintNo: z.string(), queryCode: z.string() });
export type PublicComplaintCreated = z.infer<typeof publicComplaintCreatedSchema>;

export const publicComplaintSchema = z.object({
  complaintNo: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  statusName: z.string(),
  title: z.string(),
  centerName: z.string(),
  receivedAt: instant,
  dueDate: isoDate,
  timeline: z.array(z.object({ at: instant, text: z.string() })),
  answer: z.object({ text: z.string(), at: instant }).optional(),
});
export type PublicComplaint = z.infer<typeof publicComplaintSchema>;

export const publicCentersSchema = z.object({
  centers: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), parentName: z.string().nullable() })),
});
export type PublicCenters = z.infer<typeof publicCentersSchema>;
