/**
 * The demo's window rating pad (issue 10 §1): the demo township's first window has a pad registered with a code
 * printed in the README, so `npm start` shows the pad at /hall/rate at once. Only in demo mode (an empty database
 * loading the demo region); a real deployment registers its pads in the console, each with a code shown once.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/context.js';
import { listWindows } from '../windows/repo.js';
import { padCodeHash } from './pads.js';
import { insertPad } from './repo.js';

export const DEMO_PAD_CODE = 'DEMO-PAD0-0000-0001';

export async function seedDemoRatingPad(db: Db, orgId: string, directorId: string, at: string): Promise<void> {
  const window = (await listWindows(db, [orgId]))[0];
  if (!window) return;
  await insertPad(db, {
    id: randomUUID(),
    org_id: orgId,
    window_id: window.id,
    name: `${window.name}评价器（演示）`,
    token_hash: padCodeHash(DEMO_PAD_CODE),
    registered_by: directorId,
    registered_at: at,
    revoked_at: null,
    revoked_by: null,
    last_seen_at: null,
    version: 1,
  });
}
