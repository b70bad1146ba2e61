/**
 * A consistent copy of the built-in database while the server keeps running (SQLite's online backup: pages are
 * copied in steps, and a page a committed transaction changes meanwhile is copied again, so the copy is the
 * database as of one moment). Copying bianmin.sqlite with `cp` instead can take the main file without the pages
 * still in its -wal file — a backup that looks fine and lacks the last hours of cases.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  cases: number;
}

/** Copies the SQLite database `source` to `target` (which must not exist yet) and checks the copy opens whole. */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`找不到数据库文件 ${source}，请检查 DATA_DIR。`);
  // an existing file is somebody's earlier backup: never overwritten
  if (existsSync(target)) throw new Error(`${target} 已存在。为免覆盖以前的备份，请换一个文件名（例如带上日期）。`);
  try {
    const from = new SQLite(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(target);
    } finally {
      from.close();
    }
    const copy = new SQLite(target, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`备份文件校验未通过（${String(check)}），请重新备份。`);
      const hasCases = copy.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'cases'").get() as { n: number };
      if (hasCases.n === 0) throw new Error(`${source} 不是便民服务平台的数据库（其中没有办件表），请检查 DATA_DIR。`);
      const { n } = copy.prepare('select count(*) as n from cases').get() as { n: number };
      return { file: target, bytes: statSync(target).size, cases: n };
    } finally {
      copy.close();
    }
  } catch (error) {
    // a copy cut short (disk full, a failed check) must not lie about as if it were a backup
    rmSync(target, { force: true });
    throw error;
  }
}
