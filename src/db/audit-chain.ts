import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, computed here and nowhere else: the migration that chains the rows written
 * before it, every new entry (src/modules/audit/repo.ts) and the check (API and command line) use this.
 *
 * Each entry stores the hash of the entry before it and the hash of (that hash + its own content), so
 * changing, deleting or inserting a row anywhere breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  prev_hash: string;
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string | null;
  ip: string | null;
}

export function auditEntryHash(entry: ChainedContent): string {
  // A JSON array: field order fixed, every value unambiguous (no separator can be smuggled into a field).
  const content = JSON.stringify([
    entry.seq,
    entry.prev_hash,
    entry.id,
    entry.at,
    entry.user_id,
    entry.action,
    entry.target_type,
    entry.target_id,
    entry.detail,
    entry.ip,
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}
