/**
 * The default file storage: a folder under DATA_DIR (DATA_DIR/files). Each file lives under its SHA-256 in two
 * levels of shards (ab/cd/abcd…), so no folder grows to hundreds of thousands of entries. A file is written to a
 * temporary name in the same folder, flushed to disk and renamed into place: a power cut leaves either the whole
 * file or none, never half a photo under a hash.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStoreOver, FileStoreError, type FileStore } from './store.js';

const isMissing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

export function folderFileStore(dir: string): FileStore {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`无法建立文件存储文件夹 ${dir}（${(error as Error).message}），请检查 DATA_DIR 的位置和权限。`);
  }
  const folderOf = (hash: string) => join(dir, hash.slice(0, 2), hash.slice(2, 4));
  const pathOf = (hash: string) => join(folderOf(hash), hash);
  const failed = (what: string, error: unknown) =>
    new FileStoreError(`${what}失败（${(error as Error).message}），请检查服务器磁盘空间和文件夹 ${dir} 的权限。`);
  return fileStoreOver({
    kind: 'folder',
    where: dir,
    async has(hash) {
      try {
        await stat(pathOf(hash));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw failed('读取文件', error);
      }
    },
    async write(hash, bytes) {
      const folder = folderOf(hash);
      const temp = join(folder, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await mkdir(folder, { recursive: true });
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, pathOf(hash));
      } catch (error) {
        await rm(temp, { force: true }).catch(() => {});
        throw failed('保存文件', error);
      }
    },
    async read(hash) {
      try {
        return await readFile(pathOf(hash));
      } catch (error) {
        if (isMissing(error)) return null;
        throw failed('读取文件', error);
      }
    },
    async remove(hash) {
      try {
        await rm(pathOf(hash), { force: true });
      } catch (error) {
        throw failed('删除文件', error);
      }
    },
  });
}
