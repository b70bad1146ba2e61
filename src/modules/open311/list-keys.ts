/** GET /api/open311/keys: every key issued, in use first (系统管理员). */
import type { AppContext } from '../../server/context.js';
import { presentKeys } from './present-keys.js';
import * as repo from './repo.js';

/** The caller has been checked for `open311.keys` (routes.ts): every key of the county. */
export async function listApiKeys(ctx: AppContext) {
  const { db } = ctx.database;
  return { keys: await presentKeys(db, await repo.listKeys(db)) };
}
