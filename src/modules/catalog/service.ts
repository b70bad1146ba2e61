import { randomUUID } from 'node:crypto';
import { validateItem, type CatalogItem } from '../../domain/catalog/item.js';
import { searchItems as rankItems } from '../../domain/catalog/search.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext, Db } from '../../server/context.js';
import { duplicate, notFound, versionConflict } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { itemColumns, presentItem, withPinyin } from './presenter.js';
import * as repo from './repo.js';

/** Runs the item rules of the domain; answers 422 listing every problem in Chinese. */
export function checkedItem(input: unknown): CatalogItem {
  const result = validateItem(input);
  if (!result.ok) {
    throw new DomainError('ITEM_INVALID', `事项信息有 ${result.errors.length} 处问题：${result.errors.join('；')}`, {
      errors: result.errors.map((message) => ({ path: '', message })),
    });
  }
  return result.value;
}

/**
 * The catalog, or the items a query finds (by name, 俗称, code or pinyin; see domain/catalog/match.ts), best
 * first: exact code, exact name or 俗称, names that start with the query, then the rest. SQL narrows the rows,
 * the domain decides and orders them, so every surface (console, agent app, public hall) finds the same items.
 */
export async function searchItems(ctx: AppContext, filter: repo.ItemFilter) {
  // each with its pinyin (cached): ranked here, and answered so the agent app can match offline
  const rows = (await repo.listItems(ctx.database.db, filter)).map((row) => withPinyin(presentItem(row)));
  const q = filter.q?.trim();
  return q ? rankItems(rows, q) : rows;
}

export async function getItem(ctx: AppContext, code: string) {
  const row = await repo.findItemByCode(ctx.database.db, code);
  if (!row) throw notFound(`编码为 ${code} 的事项`);
  return presentItem(row);
}

export async function itemHistory(ctx: AppContext, code: string) {
  const { db } = ctx.database;
  const row = await repo.findItemByCode(db, code);
  if (!row) throw notFound(`编码为 ${code} 的事项`);
  return (await repo.listHistory(db, row.id)).map((h) => ({
    version: h.version,
    action: h.action,
    at: h.at,
    byName: h.by_name ?? '系统导入',
    snapshot: JSON.parse(h.snapshot) as unknown,
  }));
}

/** Inserts a new item and its first history row; the caller holds the transaction. */
export async function insertNewItem(db: Db, item: CatalogItem, by: { userId: string | null; at: Date; action: 'created' | 'imported' }) {
  const at = by.at.toISOString();
  const row = { id: randomUUID(), code: item.code, ...itemColumns(item), status: 'active' as const, retired_reason: null, created_at: at, updated_at: at, version: 1 };
  await repo.insertItem(db, row);
  await repo.insertHistory(db, { id: randomUUID(), item_id: row.id, version: 1, action: by.action, snapshot: JSON.stringify({ ...item, status: 'active', retiredReason: null }), by_user_id: by.userId, at });
  return presentItem(row);
}

/** Changes an item under optimistic concurrency and keeps the new version in its history. */
export async function changeItem(
  db: Db,
  code: string,
  expectedVersion: number,
  change: { item?: CatalogItem; status?: 'active' | 'retired'; retiredReason?: string | null },
  by: { userId: string | null; at: Date; action: 'updated' | 'retired' | 'imported' },
) {
  const current = await repo.findItemByCode(db, code);
  if (!current) throw notFound(`编码为 ${code} 的事项`);
  const at = by.at.toISOString();
  const ok = await repo.updateItem(db, current.id, expectedVersion, {
    ...(change.item ? itemColumns(change.item) : {}),
    ...(change.status ? { status: change.status, retired_reason: change.retiredReason ?? null } : {}),
    updated_at: at,
  });
  if (!ok) throw versionConflict();
  const updated = presentItem((await repo.findItemByCode(db, code))!);
  const { id: _id, status: _s, retiredReason: _r, version: _v, updatedAt: _u, ...snapshot } = updated;
  await repo.insertHistory(db, {
    id: randomUUID(),
    item_id: current.id,
    version: updated.version,
    action: by.action,
    snapshot: JSON.stringify({ ...snapshot, status: updated.status, retiredReason: updated.retiredReason }),
    by_user_id: by.userId,
    at,
  });
  return updated;
}

export async function createItem(ctx: AppContext, actor: Actor, input: unknown) {
  const item = checkedItem(input);
  const at = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    if (await repo.findItemByCode(trx, item.code)) throw duplicate(`事项编码 ${item.code} `);
    const created = await insertNewItem(trx, item, { userId: actor.userId, at, action: 'created' });
    await recordAudit(trx, { at, userId: actor.userId, ip: actor.ip, action: 'item.create', targetType: 'item', targetId: created.id });
    return created;
  });
}

export async function updateItem(ctx: AppContext, actor: Actor, code: string, expectedVersion: number, input: unknown) {
  const item = checkedItem(input);
  if (item.code !== code) throw new DomainError('ITEM_CODE_IMMUTABLE', '事项编码发布后不能修改；如需新编码，请新建事项并停用旧事项。');
  const at = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const updated = await changeItem(trx, code, expectedVersion, { item }, { userId: actor.userId, at, action: 'updated' });
    await recordAudit(trx, { at, userId: actor.userId, ip: actor.ip, action: 'item.update', targetType: 'item', targetId: updated.id });
    return updated;
  });
}

export async function retireItem(ctx: AppContext, actor: Actor, code: string, expectedVersion: number, reason: string) {
  const at = ctx.clock();
  return ctx.database.db.transaction().execute(async (trx) => {
    const current = await repo.findItemByCode(trx, code);
    if (!current) throw notFound(`编码为 ${code} 的事项`);
    if (current.status === 'retired') throw new DomainError('ITEM_ALREADY_RETIRED', '该事项已停用，无需重复操作。');
    const retired = await changeItem(trx, code, expectedVersion, { status: 'retired', retiredReason: reason }, { userId: actor.userId, at, action: 'retired' });
    await recordAudit(trx, { at, userId: actor.userId, ip: actor.ip, action: 'item.retire', targetType: 'item', targetId: retired.id, detail: { reason } });
    return retired;
  });
}
