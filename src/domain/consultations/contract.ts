/**
 * What the server answers about 咨询 and the items' FAQ (API.md "v1 additions": Consultations): a consultation with
 * its question, answer, who answered, item and channel; its timeline (`events`) on the detail view; the questions
 * asked most about an item, grouped; an item's FAQ as staff edit it and as the public reads it.
 */
import { z } from 'zod';
import { instant } from '../contract/common.js';
import { CONSULTATION_ACTIONS, CONSULTATION_CHANNELS, CONSULTATION_STATUSES } from './consultations.js';
import { FAQ_ACTIONS, FAQ_STATUSES } from './faq.js';

export const consultationSchema = z.object({
  id: z.string(),
  /** 咨询编号 ZX202612060001 */
  consultationNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  channel: z.enum(CONSULTATION_CHANNELS),
  channelName: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  statusName: z.string(),
  itemCode: z.string().nullable(),
  itemName: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  askerName: z.string().nullable(),
  /** masked unless the viewer answers at the consultation's center */
  askerPhone: z.string().nullable(),
  askedAt: instant,
  loggedByName: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: instant.nullable(),
  /** the FAQ entry the question was promoted into */
  faqId: z.string().nullable(),
  version: z.number().int(),
  /** what the viewer may do: answer, promote */
  allowedActions: z.array(z.enum(['answer', 'promote'])),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const consultationEventSchema = z.object({
  seq: z.number().int(),
  action: z.enum(CONSULTATION_ACTIONS),
  actionName: z.string(),
  at: instant,
  byName: z.string().nullable(),
  text: z.string(),
});
export const consultationDetailSchema = consultationSchema.extend({ events: z.array(consultationEventSchema) });
export type ConsultationDetail = z.infer<typeof consultationDetailSchema>;

export const consultationListSchema = z.object({
  consultations: z.array(consultationSchema),
  total: z.number().int(),
  /** of the matching ones: waiting for an answer */
  pending: z.number().int(),
});

export const questionGroupSchema = z.object({
  question: z.string(),
  answer: z.string().nullable(),
  count: z.number().int(),
  lastAskedAt: instant,
  consultationIds: z.array(z.string()),
  /** the latest answered consultation of the group: promote it */
  sampleId: z.string(),
  /** FAQ entries questions of the group already went into */
  faqIds: z.array(z.string()),
});
export const frequentQuestionsSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  orgId: z.string(),
  groups: z.array(questionGroupSchema),
  total: z.number().int(),
});

export const consultedItemSchema = z.object({ itemCode: z.string(), itemName: z.string(), count: z.number().int(), pending: z.number().int(), faqCount: z.number().int() });
export const consultedItemsSchema = z.object({ items: z.array(consultedItemSchema), total: z.number().int() });

export const faqEntrySchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  status: z.enum(FAQ_STATUSES),
  statusName: z.string(),
  sourceConsultationId: z.string().nullable(),
  updatedAt: instant,
  updatedByName: z.string(),
  version: z.number().int(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;
export const faqHistorySchema = z.object({
  version: z.number().int(),
  action: z.enum(FAQ_ACTIONS),
  actionName: z.string(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  status: z.enum(FAQ_STATUSES),
  note: z.string().nullable(),
  byName: z.string(),
  at: instant,
});
export const faqEntryDetailSchema = faqEntrySchema.extend({ events: z.array(faqHistorySchema) });
export const faqListSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** active first, in their order; then the retired ones */
  entries: z.array(faqEntrySchema),
  total: z.number().int(),
  /** whether the viewer may edit this center's FAQ */
  editable: z.boolean(),
});

export const publicFaqSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  /** whose FAQ this is: the asked center's own, the nearest one above it, or null (all centers') */
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  entries: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string(), orgId: z.string(), orgName: z.string(), updatedAt: instant })),
});
export type PublicFaq = z.infer<typeof publicFaqSchema>;

export const askedSchema = z.object({ consultationNo: z.string(), queryCode: z.string() });
export const publicConsultationSchema = z.object({
  consultationNo: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  statusName: z.string(),
  orgName: z.string(),
  itemName: z.string().nullable(),
  question: z.string(),
  askedAt: instant,
  answer: z.string().nullable(),
  answeredAt: instant.nullable(),
});
