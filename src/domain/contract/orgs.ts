/** What the server answers about organisations (GET/POST/PATCH /api/orgs): the presenter's whole org. */
import { z } from 'zod';
import { ORG_LEVELS } from '../orgs/tree.js';
import { officeHoursSchema } from './common.js';

export const orgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  code: z.string(),
  name: z.string(),
  /** 柳河村便民服务室: the office's public name, on every paper */
  centerName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  officeHours: officeHoursSchema,
  timeZone: z.string(),
  version: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgListSchema = z.object({ orgs: z.array(orgSchema) });
