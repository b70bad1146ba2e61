/**
 * Demo 大厅服务 (issue 12 §1) at the demo township: three services mapped to its windows and items (letters by pinyin:
 * S 社保, H 户籍, M 民政 — A, B … stay free for a center's own), so `npm start`
 * shows a working queue — take a number at /hall/kiosk/<center>, call it from the console, see it on the display.
 */
import { randomUUID } from 'node:crypto';
import { toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { listWindows } from '../windows/repo.js';
import * as repo from './repo.js';

const DEMO_SERVICES = [
  { code: 'S', name: '社保医保', windows: ['劳动保障窗口'], items: ['RS-003', 'RS-004', 'RS-005', 'RS-006', 'RS-007', 'RS-008', 'YB-002', 'YB-003', 'YB-004', 'YB-005'] },
  { code: 'H', name: '户籍证件', windows: ['户籍窗口'], items: ['GA-001', 'GA-002', 'GA-003', 'GA-004', 'GA-005'] },
  { code: 'M', name: '民政及综合', windows: ['民政窗口', '综合窗口'], items: ['MZ-001', 'MZ-002', 'MZ-003', 'MZ-004', 'MZ-005', 'MZ-006', 'MZ-007', 'MZ-008', 'SF-003', 'ZH-005'] },
] as const;

export async function seedDemoHall(db: Db, orgId: string, at: string): Promise<void> {
  const windows = await listWindows(db, [orgId]);
  let sort = 0;
  for (const s of DEMO_SERVICES) {
    await repo.insertService(db, {
      id: randomUUID(),
      org_id: orgId,
      code: s.code,
      name: s.name,
      window_ids: toJson(windows.filter((w) => (s.windows as readonly string[]).includes(w.name)).map((w) => w.id)),
      item_codes: toJson([...s.items]),
      active: 1,
      sort: ++sort,
      created_at: at,
      updated_at: at,
      version: 1,
    });
  }
}
