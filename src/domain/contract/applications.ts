/**
 * What the server answers about online applications (POST/GET /api/public/applications, GET /api/applications,
 * API.md "v1 additions"): the application with its item, center, status and pre-review clock, each material of the
 * guide with what the applicant gave for it (files uploaded here, or evidence already on file), the steps, and what the
 * viewer may do next.
 */
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../applications/application.js';
import { TRUST_LEVELS } from '../applications/evidence.js';
import { PROMISE_RESULTS } from '../applications/promises.js';
import { APPLICATION_SOURCES } from '../open311/source.js';
import { instant, isoDate } from './common.js';

export const applicationFileSchema = z.object({
  id: z.string(),
  type: z.string(),
  size: z.number(),
  originalName: z.string().nullable(),
  uploadedAt: instant,
  /** where the viewer downloads it (the applicant's or the staff's address) */
  url: z.string(),
});

export const applicationMaterialSchema = z.object({
  name: z.string(),
  main: z.boolean(),
  /** uploaded with this application, already on file (evidence reuse), promised under 告知承诺 (level D, this application only), or not given */
  state: z.enum(['uploaded', 'on_file', 'promised', 'missing']),
  files: z.array(applicationFileSchema),
  onFile: z.object({ level: z.enum(TRUST_LEVELS), levelName: z.string(), validUntil: isoDate.nullable(), checkedAt: instant }).nullable(),
  /** named by a one-time notice and not uploaded since */
  awaitingSupplement: z.boolean(),
});

export const applicationStepSchema = z.object({
  action: z.enum(APPLICATION_ACTIONS),
  actionName: z.string(),
  at: instant,
  byName: z.string().nullable(),
  text: z.string(),
  /** a notice's missing materials with their reasons, or the names uploaded with the step */
  materials: z.array(z.object({ material: z.string(), reason: z.string().nullable() })),
  /** who brought the step when not the applicant in person: 经 Open311 接口（县12345热线平台）提交 */
  via: z.string().nullable(),
});

export const applicationSchema = z.object({
  id: z.string(),
  /** WS20261206-0001 */
  applicationNo: z.string(),
  /** 网上办事大厅, or a third party's platform through Open311 with the name its api_key was issued to */
  source: z.object({ kind: z.enum(APPLICATION_SOURCES), name: z.string(), platform: z.string().nullable() }),
  status: z.enum(APPLICATION_STATUSES),
  statusName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  applicant: z.object({ kind: z.enum(['person', 'organization']), name: z.string(), number: z.string(), phone: z.string(), address: z.string().nullable() }),
  description: z.string().nullable(),
  submittedAt: instant,
  /** the window's pre-review is due by then (one working day); null when the window owes nothing */
  preReviewDueAt: instant.nullable(),
  light: z.enum(['green', 'yellow', 'red']).nullable(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  version: z.number(),
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)),
  /**
   * 否定报备 (DOMAIN.md rule 2), staff only (null for the applicant): whether a return awaits the director's review,
   * and the review once made — 同意 or 有异议 with its comment — with the window's answer to an objection.
   */
  refusalReview: z
    .object({
      awaitingReview: z.boolean(),
      review: z
        .object({
          opinion: z.enum(['upheld', 'questioned']),
          comment: z.string().nullable(),
          at: instant,
          by: z.string().nullable(),
          /** who reviewed it: the one who raised an objection cannot also answer it */
          byUserId: z.string().nullable(),
          answer: z.object({ text: z.string(), at: instant, by: z.string().nullable() }).nullable(),
        })
        .nullable(),
    })
    .nullable(),
});

export const applicationDetailSchema = applicationSchema.extend({
  materials: z.array(applicationMaterialSchema),
  steps: z.array(applicationStepSchema),
});
export type ApplicationView = z.infer<typeof applicationSchema>;
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const applicationListSchema = z.object({ applications: z.array(applicationSchema), total: z.number() });

/** What the apply form shows before the applicant uploads: each material and whether it is already on file. */
/**
 * The materials of an item already on file for the applicant the window is registering (evidence reuse at the window):
 * only those on file, each with its level and validity; the checklist marks them 已有，免交.
 */
export const materialsOnFileSchema = z.object({
  materials: z.array(applicationMaterialSchema.pick({ name: true }).extend({ onFile: applicationMaterialSchema.shape.onFile.unwrap() })),
});
export type MaterialsOnFile = z.infer<typeof materialsOnFileSchema>;

export const applyFormSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  onlineAllowed: z.boolean(),
  centers: z.array(z.object({ id: z.string(), name: z.string() })),
  /** promisable: the applicant may promise it instead of uploading (告知承诺, 可告知承诺 in the catalog) */
  materials: z.array(applicationMaterialSchema.pick({ name: true, main: true, onFile: true }).extend({ promisable: z.boolean() })),
});

/** 告知承诺的事后核查 on the case page: each promise of the case with its last day and state (src/domain/applications/promises.ts). */
export const casePromisesSchema = z.object({
  promises: z.array(
    z.object({
      id: z.string(),
      materialName: z.string(),
      promisedAt: instant,
      /** the last day of the check; null for a promise accepted before checks had deadlines */
      due: isoDate.nullable(),
      state: z.enum(['pending', 'overdue', ...PROMISE_RESULTS]),
      stateName: z.string(),
      note: z.string().nullable(),
      checkedAt: instant.nullable(),
      checkedByName: z.string().nullable(),
      canCheck: z.boolean(),
    }),
  ),
});
export type CasePromises = z.infer<typeof casePromisesSchema>;
