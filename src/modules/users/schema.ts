import { z } from 'zod';
import { freeText, personNameText } from '../../domain/text.js';
import { ROLES } from '../../domain/roles.js';
import { WHEREABOUTS } from '../../domain/transparency/whereabouts.js';

const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名须以字母开头，3 至 32 位，只能含字母、数字、下划线、点和横线');
const name = personNameText('姓名', 30);
const roles = z.array(z.enum(ROLES)).min(1, '请至少选择一个角色');
const phone = z.string().trim().regex(/^[\d-]{7,20}$/, '电话号码格式不正确').nullable();
/** 入职/服务起始日期 (评先评优: under 6 months' service not in the first tier); null: the account's creation day */
const serviceStartDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '入职日期请按 YYYY-MM-DD 填写，如 2026-03-01')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '入职日期不是有效的日期，请重新选择')
  .nullable();

export const createUserBody = z.object({
  username,
  name,
  password: z.string().min(1, '请设置初始密码').max(200),
  roles,
  orgId: z.string().min(1, '请选择所属机构'),
  phone: phone.optional(),
  serviceStartDate: serviceStartDate.optional(),
});

export const updateUserBody = z.object({
  expectedVersion: z.number().int().positive(),
  name: name.optional(),
  roles: roles.optional(),
  orgId: z.string().min(1).optional(),
  phone: phone.optional(),
  serviceStartDate: serviceStartDate.optional(),
  active: z.boolean().optional(),
});

export const resetPasswordBody = z.object({ password: z.string().min(1, '请输入新密码').max(200) });
export const userIdParams = z.object({ id: z.string().min(1) });
export const listUsersQuery = z.object({ orgId: z.string().optional() });

export const presenceBody = z.object({
  /** 去向 (issue 12 §4): 在岗 is present, every other kind is away (AB岗); with it, `away` may be left out */
  whereabouts: z.enum(WHEREABOUTS, { error: `去向须是：${WHEREABOUTS.join('、')}` }).optional(),
  /** only staff see it (the public sees the kind) */
  note: freeText('去向说明', 100).nullable().optional(),
  away: z.boolean().optional(),
  reason: freeText('离岗事由', 100).optional(),
});
