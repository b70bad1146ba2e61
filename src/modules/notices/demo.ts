/**
 * Demo 公告 (issue 11 §3) at the demo township: two shown on its 政务公开 page today and one withdrawn early with its
 * reason — so `npm start` shows them at /open/<id> and in the console's 公告管理.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { keepVersion } from './history.js';
import * as repo from './repo.js';

type DemoNotice = { daysAgo: number; minDays: number; endAfter: number | null; title: string; body: string; withdrawn?: string };

const DEMO: DemoNotice[] = [
  {
    daysAgo: 3,
    minDays: 15,
    endAfter: 30,
    title: '关于做好2027年度城乡居民基本养老保险集中缴费的公告',
    body: '2027年度城乡居民基本养老保险集中缴费已经开始，截止到12月31日。\n\n年满16周岁、不是在校学生、未参加职工基本养老保险的本镇户籍居民均可参保。缴费档次从每年200元到5000元，多缴多得，政府按档次给予补贴。\n\n办理地点：柳河镇便民服务中心社会保障窗口，或本村便民服务室代办。请带本人身份证或户口簿。\n\n咨询电话：{中心电话}',
  },
  {
    daysAgo: 0,
    minDays: 7,
    endAfter: null,
    title: '元旦假期办公时间安排',
    body: '根据国务院办公厅通知，2027年1月1日（星期五）至1月3日（星期日）放假，共3天。\n\n假期中心大厅暂停办理业务，急需办理的，请拨打值班电话。1月4日（星期一）起正常办公：上午 8:30—12:00，下午 14:30—17:30。',
  },
  {
    daysAgo: 5,
    minDays: 7,
    endAfter: null,
    title: '关于民政窗口临时调整到二楼办公的通知',
    body: '因大厅线路改造，民政窗口临时调整到二楼201室办公。',
    withdrawn: '线路改造推迟到明年进行，民政窗口仍在一楼原处办公，本通知作废。',
  },
];

export async function seedDemoNotices(db: Db, org: OrgsTable, directorId: string, now: Date): Promise<void> {
  const today = localDate(now, org.time_zone);
  for (const d of DEMO) {
    const startDate = addCalendarDays(today, -d.daysAgo);
    const publishedAt = new Date(now.getTime() - d.daysAgo * 86_400_000 - 3_600_000).toISOString();
    const row: repo.NoticeRow = {
      id: randomUUID(),
      org_id: org.id,
      title: d.title,
      // the township's own phone (a made-up number in a notice reads like a real one)
      body: d.body.replace('{中心电话}', org.phone ?? ''),
      start_date: startDate,
      min_days: d.minDays,
      end_date: d.endAfter === null ? null : addCalendarDays(startDate, d.endAfter),
      status: 'published',
      withdrawn_at: null,
      withdrawn_by: null,
      withdraw_reason: null,
      idempotency_key: null,
      created_by: directorId,
      created_at: publishedAt,
      updated_by: directorId,
      updated_at: publishedAt,
      version: 1,
    };
    await repo.insertNotice(db, row);
    await keepVersion(db, row, 'publish', directorId, publishedAt);
    if (d.withdrawn) {
      const at = new Date(now.getTime() - 86_400_000).toISOString();
      const patch = { status: 'withdrawn', withdrawn_at: at, withdrawn_by: directorId, withdraw_reason: d.withdrawn, updated_at: at };
      await repo.updateNotice(db, row.id, 1, patch);
      await keepVersion(db, { ...row, ...patch, version: 2 }, 'withdraw', directorId, at, d.withdrawn);
    }
  }
}
