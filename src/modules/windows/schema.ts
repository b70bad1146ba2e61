import { z } from 'zod';
import { freeText, nameText } from '../../domain/text.js';

const fields = {
  name: nameText('窗口名称', 30),
  department: freeText('进驻部门', 40).nullable(),
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
