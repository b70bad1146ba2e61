/**
 * The demo's 差评 (issue 10 §1): on a server started in demo mode, a case of the demo township registered and
 * finished by the demo clerk through the real use cases and rated 不满意 through the real rating use case — so its
 * work order opens as any other would (visit due the next working day, the director told). Done once: nothing
 * happens when any work order exists or the demo accounts are not there. (The demo's case history, seeded just
 * before, has ratings but no 差评: this is its one.) Run by `serve` only, never by the tests'
 * apps, so no test's counts see a case it did not make.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import type { Actor } from '../auth/actor.js';
import { actOnCase } from '../cases/act-on-case.js';
import { registerCase } from '../cases/register-case.js';
import { findCase } from '../cases/repo.js';
import { findUserByUsername } from '../users/repo.js';
import { fromJson } from '../../db/portable.js';
import type { Role } from '../../domain/roles.js';
import { recordRating } from './record-rating.js';

export async function seedDemoWorkOrder(ctx: AppContext): Promise<string | null> {
  const db = ctx.database.db;
  if (!ctx.config.demo) return null;
  if (await db.selectFrom('rating_work_orders').select('id').limit(1).executeTakeFirst()) return null;
  const clerk = await findUserByUsername(db, 'clerk');
  if (!clerk) return null;
  const actor: Actor = { userId: clerk.id, username: clerk.username, name: clerk.name, roles: fromJson<Role[]>(clerk.roles, []), orgId: clerk.org_id, sessionId: 'demo' };
  const { caseId } = await registerCase(
    ctx,
    actor,
    {
      itemCode: 'MZ-002',
      channel: 'window',
      applicant: { kind: 'person', name: '赵桂兰', idNumber: '11010519491231002X', phone: '13700001234', address: '柳河镇杨庄村二组' },
      materials: [
        { name: '居民身份证', provided: true },
        { name: '近期一寸免冠照片', provided: true },
      ],
    },
    `demo-bad-rating-${randomUUID()}`,
  );
  const row = (await findCase(db, caseId))!;
  await actOnCase(ctx, actor, caseId, 'complete', { expectedVersion: row.version, outcome: 'approved', resultNo: '演示-001' });
  await recordRating(ctx, { caseId, level: 'dissatisfied', comment: '排队等了一个多小时，窗口只开了一个，工作人员说话也不耐烦。', channel: 'progress' });
  return '演示差评及其整改工单';
}
