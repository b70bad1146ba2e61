import { z } from 'zod';

const fields = {
  name: z.string().trim().min(1, '请填写窗口名称').max(30, '窗口名称不超过 30 个字'),
  department: z.string().trim().max(40, '进驻部门不超过 40 个字').nullable(),
  postAUserId: z.string().min(1).nullable(),
  postBUserId: z.string().min(1).nullable(),
  active: z.boolean(),
};

export const createWindowBody = z.object({
  orgId: z.string().min(1, '请选择所属中心'),
  name: fields.name,
  department: fields.department.optional(),
  postAUserId: fields.postAUserId.optional(),
  postBUserId: fields.postBUserId.optional(),
});

export const updateWindowBody = z.object({
  expectedVersion: z.number().int().positive(),
  ...z.object(fields).partial().shape,
});

export const windowIdParams = z.object({ id: z.string().min(1) });
export const listWindowsQuery = z.object({ orgId: z.string().optional() });
