import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';
import { requireActor, requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { importCatalogFile } from './import.js';
import { orgItemCodes, setOrgItems } from './offerings.js';
import { itemPlaces } from './places.js';
import * as repo from './repo.js';
import { itemCodeParams, listItemsQuery, orgIdParams, orgItemsBody, retireItemBody, updateItemBody } from './schema.js';
import { createItem, getItem, itemHistory, retireItem, searchItems, updateItem } from './service.js';
import { catalogTemplateXlsx, writeItemsToXlsx } from './spreadsheet.js';
import { itemPlacesSchema } from '../../domain/contract/item-places.js';
import { catalogImportSchema, catalogItemSchema, facetsSchema, itemHistorySchema, itemListSchema, orgItemsSchema, type ItemHistory } from '../../domain/contract/catalog.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function catalogRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['事项目录'];

  r.get('/api/items', { schema: { tags, summary: '事项目录（公开）', querystring: listItemsQuery, response: { 200: itemListSchema } } }, async (request) => ({
    // each item with its pinyin: the agent app matches dbsq/dibao in its downloaded list, even offline
    items: await searchItems(ctx, request.query),
  }));
  r.get('/api/items/:code', { schema: { tags, summary: '事项办事指南（公开）', params: itemCodeParams, response: { 200: catalogItemSchema } } }, (request) =>
    getItem(ctx, request.params.code),
  );
  r.get('/api/items/:code/history', { schema: { tags, summary: '事项修改记录', params: itemCodeParams, response: { 200: itemHistorySchema } } }, async (request) => {
    requireActor(request);
    // a snapshot is a stored item (JSON object); the response schema checks it on the way out
    return { history: (await itemHistory(ctx, request.params.code)) as ItemHistory['history'] };
  });
  r.post('/api/items', { schema: { tags, summary: '新建事项', body: z.unknown(), response: { 201: catalogItemSchema } } }, async (request, reply) =>
    reply.code(201).send(await createItem(ctx, requirePermission(request, 'catalog.manage'), request.body)),
  );
  r.put('/api/items/:code', { schema: { tags, summary: '修改事项', params: itemCodeParams, body: updateItemBody, response: { 200: catalogItemSchema } } }, (request) => {
    const { expectedVersion, ...item } = request.body;
    return updateItem(ctx, requirePermission(request, 'catalog.manage'), request.params.code, expectedVersion, item);
  });
  r.post(
    '/api/items/:code/retire',
    { schema: { tags, summary: '停用事项（保留历史）', params: itemCodeParams, body: retireItemBody, response: { 200: catalogItemSchema } } },
    (request) =>
      retireItem(ctx, requirePermission(request, 'catalog.manage'), request.params.code, request.body.expectedVersion, request.body.reason),
  );
  r.get(
    '/api/public/items/:code/places',
    { schema: { tags: ['公开'], summary: '事项的办理地点：可办理的中心和村便民服务室、窗口、地址、电话和办公时间（公开）', params: itemCodeParams, response: { 200: itemPlacesSchema } } },
    (request) => itemPlaces(ctx, request.params.code),
  );
  r.get('/api/catalog/facets', { schema: { tags, summary: '类别与部门', response: { 200: facetsSchema } } }, () => repo.facets(ctx.database.db));

  r.post('/api/catalog/import', { schema: { tags, summary: '导入事项目录（.json 或 .xlsx，multipart）', response: { 200: catalogImportSchema } } }, async (request) => {
    const actor = requirePermission(request, 'catalog.manage');
    if (!request.isMultipart()) throw new DomainError('IMPORT_FILE_MISSING', '请选择要导入的 .json 或 .xlsx 文件。', undefined, 400);
    let file: { name: string; content: Buffer } | null = null;
    let dryRun = false;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') file = { name: part.filename, content: await part.toBuffer() };
        else if (part.fieldname === 'dryRun') dryRun = part.value === 'true';
      }
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 413) throw error;
      // A broken or interrupted upload (bad network in a village office): nothing was read, nothing written.
      throw new DomainError('IMPORT_UPLOAD_INCOMPLETE', '文件没有完整上传，请检查网络后重新选择文件上传。', undefined, 400);
    }
    if (!file) throw new DomainError('IMPORT_FILE_MISSING', '请选择要导入的 .json 或 .xlsx 文件。', undefined, 400);
    return importCatalogFile(ctx.database.db, { fileName: file.name, content: file.content, dryRun, userId: actor.userId, at: ctx.clock(), ip: actor.ip });
  });
  r.get('/api/catalog/template.xlsx', { schema: { tags, summary: '事项导入模板' } }, async (_request, reply) =>
    reply.type(XLSX).header('content-disposition', attachment('事项目录导入模板.xlsx')).send(await catalogTemplateXlsx()),
  );
  r.get('/api/catalog/export.xlsx', { schema: { tags, summary: '导出事项目录' } }, async (_request, reply) => {
    const items = await searchItems(ctx, { status: 'active' });
    return reply.type(XLSX).header('content-disposition', attachment('事项目录.xlsx')).send(await writeItemsToXlsx(items));
  });

  r.get('/api/orgs/:id/items', { schema: { tags, summary: '本中心可办事项', params: orgIdParams, response: { 200: orgItemsSchema } } }, (request) =>
    orgItemCodes(ctx, requireActor(request), request.params.id),
  );
  r.put('/api/orgs/:id/items', { schema: { tags, summary: '设置本中心可办事项', params: orgIdParams, body: orgItemsBody, response: { 200: orgItemsSchema } } }, (request) =>
    setOrgItems(ctx, requirePermission(request, 'catalog.offer'), request.params.id, request.body.itemCodes),
  );
}
