/**
 * What the server answers about 立卷归档 (/api/archive/*): the 保管期限表 (retention by item), dossiers (案卷) with
 * their 档号, period, keep-until date, file count and bytes (the 归档登记表's figures), the last integrity check,
 * and on the detail view the 卷内目录 — every document of the dossier in order.
 */
import { z } from 'zod';
import { DOSSIER_PARTS, RETENTION_PERIODS } from '../archive/terms.js';
import { instant, isoDate } from './common.js';

const period = z.enum(RETENTION_PERIODS);

export const retentionRowSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  period,
  /** 永久 / 30年 / 10年 */
  periodName: z.string(),
  /** not in the table yet: kept for the default period */
  isDefault: z.boolean(),
  updatedAt: instant.nullable(),
  updatedByName: z.string().nullable(),
});
export type RetentionRow = z.infer<typeof retentionRowSchema>;

/** One center's 保管期限表 (each center keeps its own, approved by its archive authority). */
export const retentionTableSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  items: z.array(retentionRowSchema),
  defaultPeriod: period,
  defaultPeriodName: z.string(),
});
export type RetentionTable = z.infer<typeof retentionTableSchema>;

/** The last integrity check (四性检测之完整性): counts, bytes and SHA-256 of every file against the registration. */
export const dossierCheckSchema = z.object({
  at: instant,
  ok: z.boolean(),
  /** what did not match, in words; empty when ok */
  problems: z.array(z.string()),
});

export const dossierSummarySchema = z.object({
  id: z.string(),
  /** 档号: 410899101-2026-D30-0001 */
  archiveNo: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  /** the center that keeps the dossier (the one that finished the case) */
  orgId: z.string(),
  orgName: z.string(),
  /** 年度: the year the case was finished */
  year: z.number().int(),
  period,
  periodName: z.string(),
  /** kept until the end of this day; null for 永久 */
  keepUntil: isoDate.nullable(),
  /** when the case was finished (delivered, returned, withdrawn …) */
  finishedAt: instant,
  archivedAt: instant,
  /** the person who filed it, or 系统自动归档 */
  archivedByName: z.string(),
  /** 件数 and 字节数 of the 归档登记表: the manifest and every stored file */
  fileCount: z.number().int(),
  totalBytes: z.number().int(),
  manifestSha256: z.string(),
  check: dossierCheckSchema.nullable(),
});
export type DossierSummary = z.infer<typeof dossierSummarySchema>;

export const dossierListSchema = z.object({ dossiers: z.array(dossierSummarySchema), total: z.number().int() });
export type DossierList = z.infer<typeof dossierListSchema>;

/** One document of the 卷内目录. */
export const dossierEntrySchema = z.object({
  /** 件内顺序号, from 1 */
  seq: z.number().int(),
  part: z.enum(DOSSIER_PARTS),
  partName: z.string(),
  /** 受理通知书 / 居民身份证 / 受理 … */
  title: z.string(),
  at: instant.nullable(),
  /** who made it (the clerk, the applicant, the system) */
  byName: z.string().nullable(),
  /** more words: a material not provided, a rating's level, a rule's finding */
  detail: z.string().nullable(),
  /** a stored file of this document (an uploaded material): GET /api/archive/dossiers/{id}/files/{seq} */
  file: z.object({ name: z.string(), contentType: z.string(), bytes: z.number().int(), sha256: z.string() }).nullable(),
});
export type DossierEntry = z.infer<typeof dossierEntrySchema>;

export const dossierSchema = dossierSummarySchema.extend({ entries: z.array(dossierEntrySchema) });
export type Dossier = z.infer<typeof dossierSchema>;
