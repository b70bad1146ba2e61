/**
 * What the server answers about papers (文书) and their prints (/api/cases/{id}/papers/*, /prints*): one paper as
 * the server composes it — the case, the item's facts it quotes, the issuing center of rule 10, where the
 * applicant collects, the public address and the supervision phone — and the print records kept for the archive.
 */
import { z } from 'zod';
import { ITEM_KINDS } from '../catalog/item.js';
import { ORG_LEVELS } from '../orgs/tree.js';
import { PAPER_KINDS } from '../papers/papers.js';
import { caseSchema } from './cases.js';
import { instant, levelNamesSchema, officeHoursSchema } from './common.js';

/** A center as a paper names it (heading, seal, contacts). */
export const paperCenterSchema = z.object({
  id: z.string(),
  level: z.enum(ORG_LEVELS),
  name: z.string(),
  centerName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  officeHours: officeHoursSchema,
});
export type PaperCenter = z.infer<typeof paperCenterSchema>;

/** GET /api/cases/{id}/papers/{paper} */
export const paperSchema = z.object({
  paper: z.enum(PAPER_KINDS),
  paperName: z.string(),
  title: z.string(),
  case: caseSchema,
  item: z
    .object({
      code: z.string(),
      name: z.string(),
      department: z.string(),
      kind: z.enum(ITEM_KINDS),
      promisedDays: z.number().int(),
      result: z.string(),
      specialSteps: z.array(z.object({ name: z.string(), limitDays: z.number() })),
    })
    .nullable(),
  /** rule 10: whoever performed the act issues the paper */
  issuer: paperCenterSchema,
  /** where the applicant collects the result */
  handOver: paperCenterSchema.nullable(),
  receivedBy: paperCenterSchema.nullable(),
  windowName: z.string().nullable(),
  event: z.object({ type: z.string(), at: instant, by: z.string() }).nullable(),
  supplementDays: z.number().int(),
  /** 一次性告知: the last day to bring what is missing */
  supplementBy: z.string().nullable(),
  extension: z.object({ reason: z.string().nullable(), days: z.number().nullable(), previousDueAt: instant.nullable(), dueAt: instant.nullable() }).nullable(),
  supervisionPhone: z.string().nullable(),
  publicUrl: z.string().nullable(),
  progressUrl: z.string().nullable(),
  levelNames: levelNamesSchema,
  generatedAt: instant,
});
export type Paper = z.infer<typeof paperSchema>;

/** One print of a paper: which paper, which center issued it, who printed it and when. */
export const printSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  paper: z.string(),
  paperName: z.string(),
  issuerOrgId: z.string(),
  issuerName: z.string().nullable(),
  printedBy: z.string(),
  printedAt: instant,
});
export type PrintRecord = z.infer<typeof printSchema>;

/** POST /api/cases/{id}/prints */
export const recordedPrintSchema = printSchema.extend({ title: z.string() });

/** GET /api/cases/{id}/prints */
export const printListSchema = z.object({ prints: z.array(printSchema), total: z.number().int() });

/**
 * GET /api/cases/{id}/prints/{printId}: the content exactly as printed then. Kept as stored, not held to today's
 * paperSchema, so a sheet printed before a field was added still comes back (the console reads it as a Paper).
 */
export const printContentSchema = printSchema.extend({
  content: z.record(z.string(), z.unknown()).nullable().describe('所印文书的内容（与 GET …/papers/{paper} 的答复同形，按打印时保存）'),
});

/** GET /api/public/my-cases/{caseNo}/papers: a paper the center printed for the applicant's case (no staff names). */
export const applicantPaperSchema = z.object({
  id: z.string(),
  paper: z.string(),
  paperName: z.string(),
  /** the title as printed (承诺件受理通知书, 办结取件通知书 …) */
  title: z.string(),
  issuerName: z.string().nullable(),
  printedAt: instant,
});
export type ApplicantPaper = z.infer<typeof applicantPaperSchema>;
export const applicantPaperListSchema = z.object({ papers: z.array(applicantPaperSchema), total: z.number().int() });

/** GET /api/public/my-cases/{caseNo}/papers/{printId}: the paper as printed, in the shape the sheet renders. */
export const applicantPrintedPaperSchema = applicantPaperSchema.extend({ content: paperSchema });
export type ApplicantPrintedPaper = z.infer<typeof applicantPrintedPaperSchema>;
