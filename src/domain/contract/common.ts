/**
 * Pieces several answers share: a moment, a center's office hours, the names of the three levels. Plain
 * structural schemas (no transforms, no defaults): the server encodes its answers through them.
 */
import { z } from 'zod';

export const instant = z.string().describe('ISO 8601 时刻（UTC）');
export const isoDate = z.string().describe('日期 YYYY-MM-DD');

export const officeHoursSchema = z.object({ sessions: z.array(z.object({ start: z.string(), end: z.string() })) });
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** 县/乡镇/村 or 旗/苏木/嘎查 …: how this deployment names its three levels */
export const levelNamesSchema = z.object({ county: z.string(), township: z.string(), village: z.string() });
export type LevelNames = z.infer<typeof levelNamesSchema>;

/** 204: the answer has no body */
export const noContent = z.null().describe('无内容');
