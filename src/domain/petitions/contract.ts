/**
 * What the server answers about petitions (/api/petitions*, API.md "v1 additions"): a petition with its ledger
 * fields, `group`, `acceptanceDueAt` and `finishDueAt` (local dates, due by their end), its clocks and lights, what
 * the viewer may do next; on the detail view its history (`events`), hand-overs (交办单) with the departments'
 * replies, leader receptions, notices (告知书) and prints; the earlier visits found by ID number or phone; the
 * printed slips' content.
 */
import { z } from 'zod';
import { instant, isoDate } from '../contract/common.js';
import { paperCenterSchema } from '../contract/papers.js';
import {
  CLOCKS,
  DAY_COUNTS,
  NOTICE_KINDS,
  PETITION_ACTIONS,
  PETITION_CHANNELS,
  PETITION_HANDLINGS,
  PETITION_SEXES,
  PETITION_STATUSES,
  PETITION_URGENCIES,
} from './petitions.js';

const light = z.enum(['green', 'yellow', 'red']);

export const petitionClockSchema = z.object({
  name: z.enum(CLOCKS),
  title: z.string(),
  startedOn: isoDate,
  dueOn: isoDate,
  stoppedOn: isoDate.nullable(),
  light: light.nullable(),
  late: z.boolean(),
});

export const representativeSchema = z.object({ name: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable() });

export const petitionSchema = z.object({
  id: z.string(),
  /** 信〔2026〕3号 */
  petitionNo: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** 来访时间, to the hour */
  receivedAt: instant,
  channel: z.enum(PETITION_CHANNELS),
  channelName: z.string(),
  name: z.string(),
  sex: z.enum(PETITION_SEXES).nullable(),
  age: z.number().int().nullable(),
  occupation: z.string().nullable(),
  /** 住址或工作单位 */
  address: z.string().nullable(),
  /** masked unless the viewer opened the full record (detail view of the petition roles) */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  issue: z.string(),
  /** 接待人 */
  receivedByName: z.string(),
  handling: z.enum(PETITION_HANDLINGS),
  handlingName: z.string(),
  urgency: z.enum(PETITION_URGENCIES),
  persons: z.number().int(),
  group: z.boolean(),
  representatives: z.array(representativeSchema),
  /** 既往来访: how many earlier petitions of the same person were found at registration */
  earlierVisits: z.number().int(),
  status: z.enum(PETITION_STATUSES),
  statusName: z.string(),
  dayCount: z.enum(DAY_COUNTS),
  acceptanceDueAt: isoDate,
  finishDueAt: isoDate.nullable(),
  extensionDays: z.number().int(),
  light: light.nullable(),
  clocks: z.array(petitionClockSchema),
  version: z.number().int(),
  allowedActions: z.array(z.enum(PETITION_ACTIONS)),
});
export type Petition = z.infer<typeof petitionSchema>;

export const petitionEventSchema = z.object({
  seq: z.number().int(),
  action: z.enum(PETITION_ACTIONS),
  actionName: z.string(),
  at: instant,
  byName: z.string(),
  text: z.string(),
  fromStatus: z.enum(PETITION_STATUSES).nullable(),
  toStatus: z.enum(PETITION_STATUSES),
});

export const handoverSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  /** 交〔2026〕3-1号 */
  handoverNo: z.string(),
  department: z.string(),
  content: z.string(),
  replyBy: isoDate,
  handedAt: instant,
  handedByName: z.string(),
  reply: z.string().nullable(),
  repliedAt: instant.nullable(),
  repliedByName: z.string().nullable(),
  late: z.boolean(),
});
export type Handover = z.infer<typeof handoverSchema>;

export const receptionSchema = z.object({ id: z.string(), leaderName: z.string(), receivedOn: isoDate, decision: z.string(), recordedByName: z.string(), at: instant });

export const petitionNoticeSchema = z.object({ kind: z.enum(NOTICE_KINDS), title: z.string(), seq: z.number().int(), at: instant, text: z.string() });

export const petitionPrintSchema = z.object({ id: z.string(), paper: z.string(), printedBy: z.string(), printedAt: instant });

/** GET /api/petitions/{id} */
export const petitionDetailSchema = petitionSchema.extend({
  events: z.array(petitionEventSchema),
  handovers: z.array(handoverSchema),
  receptions: z.array(receptionSchema),
  notices: z.array(petitionNoticeSchema),
  prints: z.array(petitionPrintSchema),
});
export type PetitionDetail = z.infer<typeof petitionDetailSchema>;

/** GET /api/petitions */
export const petitionListSchema = z.object({ petitions: z.array(petitionSchema), total: z.number().int() });

/** GET /api/petitions/earlier?idNumber=&phone= : the same person's earlier petitions at the viewer's center */
export const earlierVisitsSchema = z.object({
  visits: z.array(
    z.object({ id: z.string(), petitionNo: z.string(), receivedAt: instant, name: z.string(), issue: z.string(), status: z.enum(PETITION_STATUSES), statusName: z.string(), matchedBy: z.enum(['idNumber', 'phone']) }),
  ),
});

/** GET/PUT /api/petitions/settings */
export const petitionSettingsSchema = z.object({ dayCount: z.enum(DAY_COUNTS) });

/** GET /api/petitions/{id}/handovers/{handoverId}/paper : the printed 事项交办单 */
export const handoverPaperSchema = z.object({
  petition: petitionSchema,
  handover: handoverSchema,
  center: paperCenterSchema,
  receptions: z.array(receptionSchema),
  generatedAt: instant,
});
export type HandoverPaper = z.infer<typeof handoverPaperSchema>;

/** GET /api/petitions/{id}/notices/{seq}/paper : the printed 告知书 to the petitioner */
export const noticePaperSchema = z.object({
  petition: petitionSchema,
  notice: petitionNoticeSchema,
  center: paperCenterSchema,
  /** what the petitioner may do next, in words (复查 / 复核 windows, the finish date) */
  rights: z.string(),
  supervisionPhone: z.string().nullable(),
  generatedAt: instant,
});
export type NoticePaper = z.infer<typeof noticePaperSchema>;
