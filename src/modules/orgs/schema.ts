import { z } from 'zod';
import { TEXT_LIMITS, freeText, nameText } from '../../domain/text.js';
import { ORG_LEVELS } from '../../domain/orgs/tree.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间请按“08:30”的格式填写');

export const officeHoursSchema = z.object({
  sessions: z.array(z.object({ start: hhmm, end: hhmm })).min(1, '请至少填写一个办公时段'),
});

const orgFields = {
  code: z.string().trim().regex(/^\d{6,12}$/, '机构代码请填写 6 至 12 位数字的行政区划代码'),
  name: nameText('名称', 40),
  centerName: nameText('中心名称', TEXT_LIMITS.orgName),
  address: freeText('地址', TEXT_LIMITS.address).nullable(),
  phone: z.string().trim().max(30, '电话不超过 30 个字符').nullable(),
  officeHours: officeHoursSchema,
};

export const createOrgBody = z.object({
  parentId: z.string().nullable(),
  level: z.enum(ORG_LEVELS),
  ...orgFields,
  centerName: orgFields.centerName.optional(),
  address: orgFields.address.optional(),
  phone: orgFields.phone.optional(),
  officeHours: orgFields.officeHours.optional(),
});

export const updateOrgBody = z.object({
  expectedVersion: z.number().int().positive(),
  ...z.object(orgFields).partial().shape,
});

export const orgIdParams = z.object({ id: z.string().min(1) });
