/** GET /api/public/items/{code}/places: where an item can be done, for the public guide (no personal data). */
import { z } from 'zod';
import { ORG_LEVELS } from '../orgs/tree.js';
import { officeHoursSchema } from './common.js';

export const itemPlaceSchema = z.object({
  orgId: z.string(),
  level: z.enum(ORG_LEVELS),
  /** 县 / 乡镇 / 村 as this deployment names its levels */
  levelName: z.string(),
  /** 柳河镇便民服务中心 */
  centerName: z.string(),
  /** the township center a village room belongs to; null above the village */
  parentName: z.string().nullable(),
  /** the window that receives the item there, or null when the data names none */
  window: z.string().nullable(),
  address: z.string().nullable(),
  /** the center's public phone (never a person's) */
  phone: z.string().nullable(),
  officeHours: officeHoursSchema.nullable(),
  /** the hours as text (08:30–12:00、14:30–17:30) */
  hoursText: z.string().nullable(),
  /** a village's fixed weekly office day (村固定办公日, '每周三'); null when none is set or above the village */
  officeDay: z.string().nullable(),
});
export type ItemPlace = z.infer<typeof itemPlaceSchema>;

export const itemPlacesSchema = z.object({ itemCode: z.string(), itemName: z.string(), places: z.array(itemPlaceSchema) });
export type ItemPlaces = z.infer<typeof itemPlacesSchema>;
