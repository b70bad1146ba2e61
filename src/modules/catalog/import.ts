import { validateItem, type CatalogItem } from '../../domain/catalog/item.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../server/context.js';
import { recordAudit } from '../audit/repo.js';
import { presentItem } from './presenter.js';
import * as repo from './repo.js';
import { changeItem, insertNewItem } from './service.js';
import { readItemsFromJson, readItemsFromXlsx } from './spreadsheet.js';

export interface ImportRow {
  row: number;
  code: string | null;
  name: string | null;
  outcome: 'created' | 'updated' | 'unchanged' | 'refused';
  errors: string[];
}

export interface ImportReport {
  dryRun: boolean;
  accepted: number;
  refused: number;
  rows: ImportRow[];
}

function parseFile(fileName: string, content: Buffer) {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readItemsFromXlsx(content);
  if (lower.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw new DomainError('IMPORT_FILE_UNREADABLE', '文件不是有效的 JSON，无法读取。请检查文件是否完整，或改用下载的 Excel 模板填写后再导入。');
    }
    return readItemsFromJson(json);
  }
  throw new DomainError('IMPORT_FILE_TYPE', '只能导入 .json 或 .xlsx 文件。请下载模板填写后再导入。');
}

const sameItem = (a: CatalogItem, b: CatalogItem) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Imports a catalog file (catalog.json's shape, or the Excel template). Every row is checked by the item rules;
 * good rows are written in ONE transaction (a failure writes none of them), refused rows are reported with their
 * reasons. A dry run checks and reports without writing. An imported item is published (active).
 */
export async function importCatalogFile(
  db: Db,
  input: { fileName: string; content: Buffer; dryRun: boolean; userId: string | null; at: Date; ip?: string | null },
): Promise<ImportReport> {
  const parsed = await parseFile(input.fileName, input.content);
  const seen = new Map<string, number>();
  const checked = parsed.rows.map((r) => {
    const { code, name } = r;
    const errors = [...r.errors];
    let item: CatalogItem | null = null;
    if (errors.length === 0) {
      const result = validateItem(r.item);
      if (result.ok) item = result.value;
      else errors.push(...result.errors);
    }
    if (item) {
      const first = seen.get(item.code);
      if (first !== undefined) {
        errors.push(`事项编码 ${item.code} 与第 ${first} 行重复`);
        item = null;
      } else seen.set(item.code, r.row);
    }
    return { row: r.row, code, name, item, errors, aliasesGiven: r.aliasesGiven };
  });

  const run = async (trx: Db): Promise<ImportRow[]> => {
    const rows: ImportRow[] = [];
    for (const c of checked) {
      if (!c.item) {
        rows.push({ row: c.row, code: c.code, name: c.name, outcome: 'refused', errors: c.errors });
        continue;
      }
      const existing = await repo.findItemByCode(trx, c.item.code);
      let outcome: ImportRow['outcome'];
      if (!existing) {
        outcome = 'created';
        if (!input.dryRun) await insertNewItem(trx, c.item, { userId: input.userId, at: input.at, action: 'imported' });
      } else {
        const current = presentItem(existing);
        const { id: _i, status, retiredReason: _r, version, updatedAt: _u, ...currentItem } = current;
        // a file that says nothing of 俗称 (an official catalog has none) keeps the ones the center added
        const item = c.aliasesGiven ? c.item : { ...c.item, aliases: currentItem.aliases };
        if (status === 'active' && sameItem(currentItem, item)) outcome = 'unchanged';
        else {
          outcome = 'updated';
          if (!input.dryRun) {
            await changeItem(trx, item.code, version, { item, status: 'active' }, { userId: input.userId, at: input.at, action: 'imported' });
          }
        }
      }
      rows.push({ row: c.row, code: c.item.code, name: c.item.name, outcome, errors: [] });
    }
    if (!input.dryRun) {
      await recordAudit(trx, {
        at: input.at,
        userId: input.userId,
        ip: input.ip ?? null,
        action: 'catalog.import',
        targetType: 'catalog',
        detail: { file: input.fileName, rows: rows.length, refused: rows.filter((r) => r.outcome === 'refused').length },
      });
    }
    return rows;
  };

  const rows = input.dryRun ? await run(db) : await db.transaction().execute(run);
  const refused = rows.filter((r) => r.outcome === 'refused').length;
  return { dryRun: input.dryRun, accepted: rows.length - refused, refused, rows };
}
