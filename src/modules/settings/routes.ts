import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { getLevelNames, setLevelNames } from './service.js';

const levelName = (label: string) => z.string().trim().min(1, `请填写${label}的名称`).max(10, `${label}名称不超过 10 个字`);
const levelNamesSchema = z.object({
  county: levelName('县级'),
  township: levelName('乡镇级'),
  village: levelName('村级'),
});

export function settingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/settings/level-names', { schema: { tags: ['系统设置'], summary: '层级名称（公开）' } }, () =>
    getLevelNames(ctx.database.db),
  );
  r.put(
    '/api/settings/level-names',
    { schema: { tags: ['系统设置'], summary: '修改层级名称', body: levelNamesSchema } },
    (request) => setLevelNames(ctx, requirePermission(request, 'settings.manage'), request.body),
  );
}
