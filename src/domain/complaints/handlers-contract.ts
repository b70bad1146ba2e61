/** GET /api/complaints/handlers: whom a complaint may be given to on 受理 (承办人). */
import { z } from 'zod';

export const complaintHandlerSchema = z.object({
  id: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  /** 1 while away from the post (AB岗): still listed, marked */
  away: z.boolean(),
});
export const complaintHandlersSchema = z.object({ handlers: z.array(complaintHandlerSchema) });
export type ComplaintHandler = z.infer<typeof complaintHandlerSchema>;
