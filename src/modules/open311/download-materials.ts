/**
 * The materials of an Open311 request downloaded from the URLs its client gave (fetch-material.ts), each checked to be
 * a PDF, JPG or PNG by its content: the files for the application, or every problem naming its attribute in Chinese,
 * with whether the failure may pass by itself (the third party's server was slow or down: a batch request is tried
 * again) or is final. The realtime POST downloads in parallel while its client waits; the batch job one at a time.
 */
import { FILE_TYPE_NAMES, sniffType } from '../../domain/files/content-type.js';
import type { MaterialLink } from '../../domain/open311/requests.js';
import { combinedKind, fetchFailureKind, type FailureKind } from '../../domain/open311/tokens.js';
import type { AppContext } from '../../server/context.js';
import type { UploadedMaterial } from '../applications/submit.js';
import { fetchMaterial, MaterialFetchError, type FetchFailure } from './fetch-material.js';

const FETCH_PROBLEMS: Record<FetchFailure, string> = {
  scheme: '只能是 http:// 或 https:// 网址',
  private: '指向内部网络地址，本服务不下载',
  status: '下载失败（对方服务器未返回该文件）',
  too_large: '文件超过 10 MB，请压缩后重新提供',
  timeout: '下载超时，请确认该网址可直接下载',
  network: '无法连接该网址所在的服务器',
  redirects: '跳转次数过多',
};

export type Downloaded = { ok: true; files: UploadedMaterial[] } | { ok: false; problems: string[]; kind: FailureKind };

export async function downloadMaterials(ctx: AppContext, materials: readonly MaterialLink[], how: { oneAtATime: boolean }): Promise<Downloaded> {
  const fetchOne = (m: MaterialLink) => fetchMaterial(m.url, { allowPrivate: ctx.config.open311FetchPrivate === true });
  let results: PromiseSettledResult<Awaited<ReturnType<typeof fetchMaterial>>>[];
  if (how.oneAtATime) {
    results = [];
    for (const m of materials) results.push(...(await Promise.allSettled([fetchOne(m)])));
  } else results = await Promise.allSettled(materials.map(fetchOne));
  const problems: string[] = [];
  const kinds: FailureKind[] = [];
  const files: UploadedMaterial[] = [];
  results.forEach((r, i) => {
    const m = materials[i]!;
    const where = `attribute[${m.code}]（${m.material}）`;
    if (r.status === 'rejected') {
      if (!(r.reason instanceof MaterialFetchError)) throw r.reason;
      problems.push(`${where}：${FETCH_PROBLEMS[r.reason.reason]}。`);
      kinds.push(fetchFailureKind(r.reason.reason, r.reason.detail));
    } else if (!sniffType(r.value.bytes)) {
      problems.push(`${where}：下载到的文件不是 ${Object.values(FILE_TYPE_NAMES).join('、')}，请提供扫描件的 PDF 或照片。`);
      kinds.push('final');
    } else files.push({ materialName: m.material, bytes: r.value.bytes, fileName: r.value.fileName });
  });
  return problems.length > 0 ? { ok: false, problems, kind: combinedKind(kinds) } : { ok: true, files };
}
