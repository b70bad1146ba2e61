import { randomUUID } from 'node:crypto';
import type { Role } from '../../domain/roles.js';
import { CENTER_SUFFIX, type OrgLevel } from '../../domain/orgs/tree.js';
import { toJson } from '../../db/portable.js';
import type { OrgsTable } from '../../db/schema.js';
import type { Db } from '../../server/context.js';
import { hashPassword } from '../auth/passwords.js';
import { importCatalogFile } from '../catalog/import.js';
import { replaceOfferings } from '../catalog/offerings.js';
import { listOrgs, insertOrg } from '../orgs/repo.js';
import { seedSupervisionPhone } from '../settings/service.js';
import { DEFAULT_OFFICE_HOURS } from '../orgs/service.js';
import { insertUser } from '../users/repo.js';
import { insertWindow } from '../windows/repo.js';
import { seedDemoPetitions } from '../petitions/demo.js';
import { seedDemoComplaints } from '../complaints/demo.js';
import { seedDemoConsultations } from '../consultations/demo.js';
import { seedDemoNotices } from '../notices/demo.js';
import { seedDemoRatingPad } from '../evaluation/demo.js';
import { seedDemoHall } from '../hall/demo.js';
import { seedDemoAppointmentPlans } from '../appointments/demo.js';
import catalog from './catalog.json' with { type: 'json' };

export const DEMO_PASSWORD = 'bianmin2026';

/** A fictional county: one county center, three townships, four villages each (DOMAIN.md's three levels). */
const REGION = {
  code: '410899',
  name: '清河县',
  address: '清河县人民路 88 号',
  phone: '0371-6688 1234',
  supervisionPhone: '0371-6688 1200',
  townships: [
    { name: '柳河镇', villages: ['柳河村', '杨庄村', '王家洼村', '河东社区'] },
    { name: '石桥乡', villages: ['石桥村', '李家庄村', '东岭村', '西岭村'] },
    { name: '白沙镇', villages: ['白沙村', '马店村', '前营村', '后营村'] },
  ],
};

// `since`: 入职日期, which the year-end tiers read (under six months' service: not in the first tier); 张磊 joined four
// months before the demo was loaded, so the demo shows that rule in any year
const DEMO_USERS: { username: string; name: string; roles: Role[]; org: 'county' | 'township' | 'village'; posts?: 'A' | 'B'; since: string | 'recent' }[] = [
  { username: 'admin', name: '赵建国', roles: ['sysadmin'], org: 'county', since: '2015-03-02' },
  { username: 'supervisor', name: '孙正清', roles: ['supervisor'], org: 'county', since: '2017-09-01' },
  // 三员分立: the security and audit administrators, each a person of their own
  { username: 'secadmin', name: '周立安', roles: ['secadmin'], org: 'county', since: '2018-05-14' },
  { username: 'auditor', name: '吴审之', roles: ['auditor'], org: 'county', since: '2018-05-14' },
  { username: 'county', name: '陈静', roles: ['clerk'], org: 'county', posts: 'A', since: '2016-07-01' },
  // the county center's own director: reviews the county's refusals and the townships' monthly reports
  { username: 'countydirector', name: '何志远', roles: ['director'], org: 'county', since: '2011-08-15' },
  { username: 'director', name: '李春梅', roles: ['director'], org: 'township', since: '2014-10-08' },
  { username: 'clerk', name: '王晓燕', roles: ['clerk'], org: 'township', posts: 'A', since: '2019-04-01' },
  { username: 'clerk2', name: '张磊', roles: ['clerk'], org: 'township', posts: 'B', since: 'recent' },
  { username: 'agent', name: '刘德福', roles: ['agent'], org: 'village', posts: 'A', since: '2012-06-01' },
  // 信访接待 (issue 10 §4): the township's petition receptionist and its leader on duty (带班领导), who is flagged
  // group petitions with the director
  { username: 'xinfang', name: '高秀英', roles: ['petition'], org: 'township', since: '2020-11-02' },
  { username: 'leader', name: '马振华', roles: ['leader'], org: 'township', since: '2013-03-18' },
];

type CatalogFile = { levels: Record<OrgLevel, { windows: string[] }> };

/** Loads the demo region, accounts and catalog into an EMPTY database; returns a summary, or null if not empty. */
export async function seedDemo(db: Db, now: Date): Promise<string | null> {
  if ((await listOrgs(db)).length > 0) return null;
  const at = now.toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await importCatalogFile(db, {
    fileName: 'catalog.json',
    content: Buffer.from(JSON.stringify(catalog)),
    dryRun: false,
    userId: null,
    at: now,
  });

  return db.transaction().execute(async (trx) => {
    const orgs: OrgsTable[] = [];
    const addOrg = async (parent: OrgsTable | null, level: OrgLevel, code: string, name: string, extra: Partial<OrgsTable> = {}) => {
      const org: OrgsTable = {
        id: randomUUID(),
        parent_id: parent?.id ?? null,
        level,
        code,
        name,
        center_name: `${name}${CENTER_SUFFIX[level]}`,
        address: null,
        phone: null,
        office_hours: toJson(DEFAULT_OFFICE_HOURS),
        time_zone: 'Asia/Shanghai',
        created_at: at,
        updated_at: at,
        version: 1,
        ...extra,
      };
      await insertOrg(trx, org);
      orgs.push(org);
      return org;
    };

    const county = await addOrg(null, 'county', REGION.code, REGION.name, { address: REGION.address, phone: REGION.phone });
    const townships: OrgsTable[] = [];
    const villages: OrgsTable[] = [];
    for (const [t, township] of REGION.townships.entries()) {
      const tCode = `${REGION.code}${String(101 + t).padStart(3, '0')}`;
      const tOrg = await addOrg(county, 'township', tCode, township.name, {
        address: `${REGION.name}${township.name}政府院内`,
        phone: `0371-6688 ${2101 + t * 100}`,
      });
      townships.push(tOrg);
      for (const [v, village] of township.villages.entries()) {
        villages.push(
          await addOrg(tOrg, 'village', `${tCode}${String(201 + v).padStart(3, '0')}`, village, {
            // a 社区 has a 居民委员会, a 村 a 村民委员会
            address: `${township.name}${village}${village.endsWith('社区') ? '居委会' : '村委会'}`,
            phone: `1390371${String(t * 10 + v).padStart(4, '0')}`,
          }),
        );
      }
    }
    const demoOrg = { county, township: townships[0]!, village: villages[0]! };
    // the county's 监督电话, printed on every paper (rule 10); the public address is left unset on purpose: no
    // demo can know where a real deployment is reachable, and a made-up address on paper is worse than none
    await seedSupervisionPhone(trx, REGION.supervisionPhone, at);

    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      userIds.set(u.username, id);
      await insertUser(trx, {
        id,
        username: u.username,
        name: u.name,
        password_hash: passwordHash,
        org_id: demoOrg[u.org].id,
        roles: toJson(u.roles),
        phone: null,
        service_start_date: u.since === 'recent' ? new Date(now.getTime() - 120 * 86_400_000).toISOString().slice(0, 10) : u.since,
        active: 1,
        last_login_at: null,
        away: 0,
        away_reason: null,
        away_since: null,
        created_at: at,
        updated_at: at,
        version: 1,
      });
    }
    // The demo clerk sits every post of the first township (A), with clerk2 as the backup (B);
    // the county clerk and the village agent likewise hold every window of their own office.
    const postHolder = (org: OrgsTable, post: 'A' | 'B') =>
      DEMO_USERS.find((u) => u.posts === post && demoOrg[u.org].id === org.id)?.username;

    const levels = (catalog as unknown as CatalogFile).levels;
    let windowCount = 0;
    for (const org of orgs) {
      const a = postHolder(org, 'A');
      const b = postHolder(org, 'B');
      for (const name of levels[org.level].windows) {
        await insertWindow(trx, {
          id: randomUUID(),
          org_id: org.id,
          name,
          department: null,
          post_a_user_id: a ? userIds.get(a)! : null,
          post_b_user_id: b ? userIds.get(b)! : null,
          active: 1,
          created_at: at,
          updated_at: at,
          version: 1,
        });
        windowCount++;
      }
    }

    const items = (catalog as unknown as { items: { code: string; acceptLevels: OrgLevel[] }[] }).items;
    for (const org of orgs) {
      await replaceOfferings(trx, org.id, items.filter((i) => i.acceptLevels.includes(org.level)).map((i) => i.code));
    }
    // a few petitions at the demo township, registered by its receptionist (issue 10 §4)
    await seedDemoPetitions(trx, demoOrg.township.id, demoOrg.township.time_zone, userIds.get('xinfang')!, now);
    // a few complaints at the demo township in different steps (issue 10 §2)
    await seedDemoComplaints(trx, demoOrg.township, { clerkId: userIds.get('clerk')!, directorId: userIds.get('director')! }, now);
    // consultations on a few items and the FAQ of two of them at the demo township (issue 10 §3)
    await seedDemoConsultations(trx, demoOrg.township, { clerk: userIds.get('clerk')!, clerk2: userIds.get('clerk2')!, director: userIds.get('director')! }, now);
    // 政务公开的公告 at the demo township: two shown, one withdrawn early with its reason (issue 11 §3)
    await seedDemoNotices(trx, demoOrg.township, userIds.get('director')!, now);
    // the window rating pad of the demo township's first window, code in the README (issue 10 §1)
    await seedDemoRatingPad(trx, demoOrg.township.id, userIds.get('director')!, at);
    // 大厅排队叫号: three services on the demo township's windows (issue 12 §1)
    await seedDemoHall(trx, demoOrg.township.id, at);
    // 预约: slot plans of two of those services (issue 12 §3)
    await seedDemoAppointmentPlans(trx, demoOrg.township.id, at);
    return `${orgs.length} 个机构、${windowCount} 个窗口、${DEMO_USERS.length} 个账号、${items.length} 个事项（密码均为 ${DEMO_PASSWORD}）`;
  });
}
