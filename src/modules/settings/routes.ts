import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nameText } from '../../domain/text.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { getLevelNames, getSettings, setLevelNames, updateSettings } from './service.js';
import { levelNamesSchema as levelNamesAnswer, settingsSchema } from '../../domain/contract/settings.js';

// a level name is on every screen and paper (本村不能办理, 乡镇级): the same rule as every other name, no invisible characters
const levelName = (label: string) => nameText(`${label}名称`, 10);
const levelNamesSchema = z.object({
  county: levelName('县级'),
  township: levelName('乡镇级'),
  village: levelName('村级'),
});

// The address is checked by the domain rule (src/domain/papers/public-url.ts) in the service, with its own words.
const settingsBody = z.object({
  publicUrl: z.string().max(200, '公网地址不超过 200 个字符').nullable().optional(),
  supervisionPhone: z
    .string()
    .trim()
    .max(30, '监督电话不超过 30 个字符')
    .regex(/^[0-9\s\-()（）、,，转]*$/, '监督电话只能填写数字、空格、“-”、括号和“、”，如 0371-6688 1200')
    .nullable()
    .optional(),
  supplementDays: z.number().int('补正期限请填写整数天数').min(1, '补正期限至少 1 个工作日').max(60, '补正期限不超过 60 个工作日').optional(),
});

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/settings/level-names', { schema: { tags: ['系统设置'], summary: '层级名称（公开）', response: { 200: levelNamesAnswer } } }, () =>
    getLevelNames(ctx.database.db),
  );
  r.put(
    '/api/settings/level-names',
    { schema: { tags: ['系统设置'], summary: '修改层级名称', body: levelNamesSchema, response: { 200: levelNamesAnswer } } },
    (request) => setLevelNames(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
  // Every signed-in person reads them: each printed paper carries the public address and the supervision phone.
  r.get('/api/settings', { schema: { tags: ['系统设置'], summary: '系统设置：公网地址、监督电话、补正期限、层级名称', response: { 200: settingsSchema } } }, (request) => {
    requireActor(request);
    return getSettings(ctx);
  });
  r.put(
    '/api/settings',
    { schema: { tags: ['系统设置'], summary: '修改系统设置（只改提交的字段）', body: settingsBody, response: { 200: settingsSchema } } },
    (request) => updateSettings(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
}
