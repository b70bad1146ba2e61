/**
 * 立卷归档 (DOMAIN.md "Archive"): /api/archive/* — the 保管期限表 (read; the director sets an item's period), the
 * dossiers of the actor's tree (list, detail with the 卷内目录, the manifest and each stored file), 立卷 of a finished
 * case and 完整性检测. Routes only translate: zod validates, the permission is checked, one use case runs.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dossierListSchema, dossierSchema, dossierSummarySchema, retentionRowSchema, retentionTableSchema } from '../../domain/contract/archive.js';
import { requirePermission } from '../../server/authenticate.js';
import type { AppContext } from '../../server/context.js';
import { checkVisibleDossier } from './check.js';
import { fileDossier } from './file.js';
import { entryFile, getDossier, listDossiers, manifestBytes } from './queries.js';
import { retentionTable, setRetention } from './retention.js';
import { dossierQuery, fileBody, fileParams, idParams, itemParams, retentionBody, retentionQuery } from './schema.js';

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function archiveRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['档案'];

  r.get(
    '/api/archive/retention',
    {
      schema: {
        tags,
        summary: '一个中心的保管期限表：每个事项的档案保管期限（未设置的按默认期限）；默认本中心，orgId 可查下级中心的',
        querystring: retentionQuery,
        response: { 200: retentionTableSchema },
      },
    },
    (request) => retentionTable(ctx, requirePermission(request, 'archive.read'), request.query.orgId),
  );
  r.put(
    '/api/archive/retention/:itemCode',
    { schema: { tags, summary: '设置本中心保管期限表中一个事项的保管期限（中心主任）', params: itemParams, body: retentionBody, response: { 200: retentionRowSchema } } },
    (request) => setRetention(ctx, requirePermission(request, 'archive.retention'), request.params.itemCode, request.body.period),
  );
  r.get(
    '/api/archive/dossiers',
    { schema: { tags, summary: '案卷列表（本中心及下级；可按年度、保管期限、档号/办件编号/申请人查询），最新归档的在前', querystring: dossierQuery, response: { 200: dossierListSchema } } },
    (request) => listDossiers(ctx, requirePermission(request, 'archive.read'), request.query),
  );
  r.get('/api/archive/dossiers/:id', { schema: { tags, summary: '案卷详情和卷内目录', params: idParams, response: { 200: dossierSchema } } }, (request) =>
    getDossier(ctx, requirePermission(request, 'archive.read'), request.params.id),
  );
  r.post(
    '/api/archive/dossiers',
    { schema: { tags, summary: '立卷归档：把一件已办结（或退回、撤回）的办件立为案卷', body: fileBody, response: { 201: dossierSchema } } },
    async (request, reply) => reply.code(201).send(await fileDossier(ctx, requirePermission(request, 'archive.file'), request.body.caseId)),
  );
  r.post(
    '/api/archive/dossiers/:id/check',
    { schema: { tags, summary: '完整性检测：核对案卷清单和每个文件的件数、字节数和 SHA-256', params: idParams, response: { 200: dossierSummarySchema } } },
    (request) => checkVisibleDossier(ctx, requirePermission(request, 'archive.file'), request.params.id),
  );
  r.get('/api/archive/dossiers/:id/manifest', { schema: { tags, summary: '下载案卷清单（JSON，文件名为档号）', params: idParams } }, async (request, reply) => {
    const { bytes, archiveNo } = await manifestBytes(ctx, requirePermission(request, 'archive.read'), request.params.id);
    return reply.type('application/json').header('content-disposition', attachment(`${archiveNo}.json`)).header('cache-control', 'private, no-cache').send(bytes);
  });
  r.get('/api/archive/dossiers/:id/files/:seq', { schema: { tags, summary: '卷内一件文件的电子文件', params: fileParams } }, async (request, reply) => {
    const file = await entryFile(ctx, requirePermission(request, 'archive.read'), request.params.id, request.params.seq);
    return reply.type(file.contentType).header('content-disposition', attachment(file.name)).header('cache-control', 'private, no-cache').send(file.bytes);
  });
}
