import { z } from 'zod';

/** A village batch (集中报送批次) as GET /api/agents/batches lists it (presentBatch): people by name. */
export const batchSummarySchema = z.object({
  id: z.string(),
  batchNo: z.string(),
  villageOrgId: z.string(),
  villageName: z.string(),
  townshipOrgId: z.string(),
  townshipName: z.string(),
  sentAt: z.string(),
  sentBy: z.string(),
  receivedAt: z.string().nullish(),
  receivedBy: z.string().nullish(),
  caseCount: z.number(),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

/** One line of the 报送清单: a case of the batch and the materials handed over with it. */
export const batchCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  materials: z.array(z.string()),
  received: z.boolean(),
});
export type BatchCase = z.infer<typeof batchCaseSchema>;

export const batchSchema = batchSummarySchema.extend({ cases: z.array(batchCaseSchema) });
export type Batch = z.infer<typeof batchSchema>;
