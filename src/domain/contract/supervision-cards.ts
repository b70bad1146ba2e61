/**
 * What the server answers about 督办单 (/api/supervision/cards*, API.md "v1 additions"): a card with its subject
 * (the case, the violation's rule and facts, or the center), level, reply date and light, the latest answer, what the
 * viewer may do next; its history (`events`) on the detail view; the printed card's content and its print records.
 */
import { z } from 'zod';
import { CARD_ACTIONS, CARD_LEVELS, CARD_STATUSES, CARD_SUBJECTS } from '../supervision/cards.js';
import { instant, isoDate } from './common.js';
import { paperCenterSchema } from './papers.js';

const lightSchema = z.enum(['green', 'yellow', 'red']);

export const cardSchema = z.object({
  id: z.string(),
  /** 督〔2026〕12号 */
  cardNo: z.string(),
  level: z.enum(CARD_LEVELS),
  levelName: z.string(),
  status: z.enum(CARD_STATUSES),
  statusName: z.string(),
  subject: z.enum(CARD_SUBJECTS),
  subjectName: z.string(),
  /** what the card is about, in words: 办件 410899101-20260302-0001（居住证明）/ JC-01 承诺时限超期 / 柳河镇便民服务中心 */
  subjectText: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  violationId: z.string().nullable(),
  /** 监察规则编号 and name of the violation's rule */
  ruleNumber: z.string().nullable(),
  ruleName: z.string().nullable(),
  /** 被督办机构 */
  orgId: z.string(),
  orgName: z.string(),
  /** the issuing body (督办机构): the supervisor's organisation */
  issuerOrgId: z.string(),
  issuerName: z.string(),
  issuedBy: z.string(),
  issuedByName: z.string(),
  /** 督办发出时间 */
  issuedAt: instant,
  /** 督办内容 */
  content: z.string(),
  /** 回告期限: answered by the end of this day */
  replyBy: isoDate,
  /** green/yellow/red while it waits for an answer; null once answered or closed */
  light: lightSchema.nullable(),
  late: z.boolean(),
  /** the latest answer (回告) */
  reply: z.object({ content: z.string(), at: instant, byName: z.string(), late: z.boolean() }).nullable(),
  closedAt: instant.nullable(),
  closedByName: z.string().nullable(),
  version: z.number().int(),
  /** what the viewer may do now */
  allowedActions: z.array(z.enum(CARD_ACTIONS)),
});
export type Card = z.infer<typeof cardSchema>;

export const cardEventSchema = z.object({
  seq: z.number().int(),
  action: z.enum(CARD_ACTIONS),
  actionName: z.string(),
  at: instant,
  byName: z.string(),
  level: z.enum(CARD_LEVELS),
  levelName: z.string(),
  replyBy: isoDate,
  text: z.string(),
  fromStatus: z.enum(CARD_STATUSES).nullable(),
  toStatus: z.enum(CARD_STATUSES),
});
export type CardEvent = z.infer<typeof cardEventSchema>;

export const cardPrintSchema = z.object({ id: z.string(), cardId: z.string(), printedBy: z.string(), printedAt: instant });

/** GET /api/supervision/cards/{id} */
export const cardDetailSchema = cardSchema.extend({ events: z.array(cardEventSchema), prints: z.array(cardPrintSchema) });
export type CardDetail = z.infer<typeof cardDetailSchema>;

/** GET /api/supervision/cards */
export const cardListSchema = z.object({
  cards: z.array(cardSchema),
  total: z.number().int(),
  /** of all cards the filters match: how many wait for an answer and how many of those are late */
  open: z.number().int(),
  late: z.number().int(),
});

/** GET /api/supervision/cards/defaults?level= : the reply date the form proposes (working days of the calendar). */
export const cardDefaultsSchema = z.object({ today: isoDate, replyBy: z.object({ blue: isoDate, orange: isoDate, red: isoDate }) });

/** GET /api/supervision/cards/{id}/paper: everything the printed card shows, as of now. */
export const cardPaperSchema = z.object({
  card: cardDetailSchema,
  issuer: paperCenterSchema,
  center: paperCenterSchema,
  case: z
    .object({
      caseNo: z.string(),
      itemName: z.string(),
      applicantName: z.string(),
      statusName: z.string(),
      acceptedAt: instant.nullable(),
      dueAt: instant.nullable(),
      light: lightSchema.nullable(),
    })
    .nullable(),
  violation: z.object({ ruleNumber: z.string(), ruleName: z.string(), at: instant, facts: z.array(z.string()) }).nullable(),
  supervisionPhone: z.string().nullable(),
  generatedAt: instant,
});
export type CardPaper = z.infer<typeof cardPaperSchema>;

/** POST /api/supervision/cards/{id}/prints */
export const recordedCardPrintSchema = cardPrintSchema;
