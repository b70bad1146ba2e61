#!/usr/bin/env node
/**
 * The command line: serve, migrate, seed-demo, create-admin, import-catalog, import-calendar, verify-audit, backup.
 * `npm run cli -- <command> [options]` during development; `node dist/server/cli/main.js` after a build.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { backupSqlite } from '../db/backup.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importYear } from '../modules/calendar/service.js';
import { importCatalogFile } from '../modules/catalog/import.js';
import { loadDemoWork } from '../modules/demo/load.js';
import { seedDemo } from '../modules/demo/seed.js';
import { startupWarnings } from '../modules/settings/service.js';
import { verifyAudit } from '../modules/audit/service.js';
import { createFirstAdmin, resetPasswordOnServer, type AdminRole } from '../modules/users/first-admin.js';
import { buildApp } from '../server/app.js';
import { startJobs } from '../server/jobs.js';
import { loadConfig } from '../server/config.js';
import { prepareDatabase } from '../server/start.js';

const HELP = `便民服务平台命令行

用法：npm run cli -- <命令> [选项]

  serve                         启动服务（默认 http://localhost:3000）；--no-demo 不载入演示数据
  migrate                       升级数据库结构
  seed-demo                     向空数据库载入演示地区、账号和事项目录
  create-admin --username U --name 姓名 --org-code 代码 [--password P] [--role secadmin|auditor]
                                （不给 --password 时生成初始密码，首次登录须改为本人自设的密码；
                                --password 只在本人亲自建立自己的账号时使用）
                                为正式部署创建第一个系统管理员（空库时同时创建县级机构，需 --org-name）
  import-catalog <文件.json|.xlsx> [--dry-run]
                                导入事项目录，打印接受与拒绝的行及原因
  import-calendar <文件.json>   导入某一年度的法定节假日安排
  reset-password --username U [--password P]
                                在服务器上重置账号密码（三员账号只能这样重置），本人登录时须改密码
  verify-audit                  校验审计日志的哈希链是否完整（被改动时退出码为 3）
  backup <目标文件>             内置数据库（SQLite）的在线备份：服务照常运行，得到某一时刻完整一致的副本并校验；
                                PostgreSQL 请用 pg_dump（见 README“备份与恢复”）

环境变量：PORT、DATA_DIR、DATABASE_URL（postgres://…）、NODE_ENV=production`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'no-demo': { type: 'boolean' },
      demo: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      username: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      'org-code': { type: 'string' },
      'org-name': { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (!command || values.help) {
    console.log(HELP);
    return command || values.help ? 0 : 1;
  }
  const demoFlag = values['no-demo'] ? false : values.demo ? true : undefined;
  const config = loadConfig(process.env, demoFlag === undefined ? {} : { demo: demoFlag });

  switch (command) {
    case 'serve': {
      const database = await prepareDatabase(config, console.log);
      const ctx = { database, config, clock: () => new Date() };
      const app = await buildApp(ctx, { logger: config.production });
      // the demo's work (eight weeks of cases, a 差评, an online application, duty rosters); each part once
      if (config.demo) await loadDemoWork(ctx, console.log, console.warn);
      // scheduled work (the light sweep …): once across processes on PostgreSQL, see src/server/jobs.ts
      const jobs = startJobs(ctx);
      const close = async () => {
        jobs.stop();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', close);
      process.on('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      // the address people are to open: the configured public one when set (printed papers use it too)
      const address = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
      console.log(`便民服务平台已启动：${address}/（本机端口 ${config.port}）  数据库：${database.dialect}${config.demo ? '（演示模式）' : ''}`);
      for (const warning of await startupWarnings({ database, config })) console.warn(warning);
      return -1; // keep running
    }
    case 'migrate': {
      const database = openDatabase(config.database);
      const applied = await migrateToLatest(database);
      console.log(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库已是最新结构。');
      await database.close();
      return 0;
    }
    case 'seed-demo': {
      const database = await prepareDatabase({ ...config, demo: false });
      const seeded = await seedDemo(database.db, new Date());
      console.log(seeded ? `已载入演示数据：${seeded}` : '数据库中已有机构，未载入演示数据（演示数据只载入空数据库）。');
      await database.close();
      return 0;
    }
    case 'create-admin': {
      if (!values.username || !values.name || !values['org-code']) {
        console.error('请提供 --username、--name 和 --org-code。');
        return 1;
      }
      const role = (values.role ?? 'sysadmin') as AdminRole;
      if (!['sysadmin', 'secadmin', 'auditor'].includes(role)) {
        console.error('--role 只能是 sysadmin（系统管理员）、secadmin（安全管理员）或 auditor（审计管理员）。');
        return 1;
      }
      const database = await prepareDatabase({ ...config, demo: false });
      try {
        const result = await createFirstAdmin(database.db, {
          username: values.username,
          name: values.name,
          password: values.password,
          orgCode: values['org-code'],
          orgName: values['org-name'],
          timeZone: config.timeZone,
          role,
          policy: config.passwordPolicy,
        });
        console.log(`已创建${{ sysadmin: '系统管理员', secadmin: '安全管理员', auditor: '审计管理员' }[role]} ${values.username}（${result.orgName}）。`);
        if (result.generatedPassword) console.log(`初始密码：${result.generatedPassword}  首次登录时须改为本人自设的密码。`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'reset-password': {
      if (!values.username) {
        console.error('请用 --username 指定要重置密码的账号。');
        return 1;
      }
      const database = await prepareDatabase({ ...config, demo: false });
      try {
        const result = await resetPasswordOnServer(database.db, {
          username: values.username,
          password: values.password,
          policy: config.passwordPolicy,
          demo: config.demo,
        });
        console.log(`已重置 ${values.username}（${result.name}，${result.role}）的密码，并解除锁定、结束其登录会话。`);
        if (result.generatedPassword) console.log(`临时密码：${result.generatedPassword}  本人登录时须改为自设的密码。`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'verify-audit': {
      const database = await prepareDatabase({ ...config, demo: false });
      try {
        const result = await verifyAudit({ database, config, clock: () => new Date() }, { actor: null });
        if (result.ok) {
          console.log(`审计日志完整：已校验 ${result.checked} 条记录，哈希链没有断开。`);
          return 0;
        }
        console.error(`审计日志被改动：${result.problem}（前 ${result.checked} 条完好，从第 ${result.brokenAt} 条起不可信）。`);
        return 3;
      } finally {
        await database.close();
      }
    }
    case 'backup': {
      if (config.database.kind !== 'sqlite') {
        console.error('当前使用 PostgreSQL：请用 pg_dump 备份，例如 pg_dump -Fc -f bianmin-2026-12-07.dump "$DATABASE_URL"（见 README“备份与恢复”）。');
        return 1;
      }
      if (!arg) {
        console.error('请指定备份文件，例如：npm run cli -- backup /backup/bianmin-2026-12-07.sqlite');
        return 1;
      }
      const result = await backupSqlite(config.database.file, arg);
      console.log(`已备份到 ${result.file}（${(result.bytes / 1024 / 1024).toFixed(1)} MB，${result.cases} 件办件，校验完好）。`);
      console.log(`上传的文件（人员照片、网上申请的材料）在 ${config.files.kind === 'folder' ? config.files.dir : '对象存储'}，请一并备份。`);
      return 0;
    }
    case 'import-catalog': {
      if (!arg) {
        console.error('请指定要导入的文件，例如：npm run cli -- import-catalog ../shared/data/catalog.json');
        return 1;
      }
      const database = await prepareDatabase({ ...config, demo: false });
      const report = await importCatalogFile(database.db, {
        fileName: arg,
        content: await readFile(arg),
        dryRun: values['dry-run'] ?? false,
        userId: null,
        at: new Date(),
      });
      for (const row of report.rows) {
        const mark = row.outcome === 'refused' ? '拒绝' : { created: '新增', updated: '更新', unchanged: '无变化' }[row.outcome];
        console.log(`第 ${row.row} 行 ${row.code ?? ''} ${row.name ?? ''}：${mark}${row.errors.length ? `——${row.errors.join('；')}` : ''}`);
      }
      console.log(`${values['dry-run'] ? '预检' : '导入'}完成：接受 ${report.accepted} 条，拒绝 ${report.refused} 条。`);
      await database.close();
      return report.refused > 0 ? 2 : 0;
    }
    case 'import-calendar': {
      if (!arg) {
        console.error('请指定年度安排文件，例如：npm run cli -- import-calendar 2027.json');
        return 1;
      }
      const database = await prepareDatabase({ ...config, demo: false });
      try {
        const result = await importYear(database.db, JSON.parse(await readFile(arg, 'utf8')), { userId: null, at: new Date() });
        console.log(`已导入 ${result.year} 年节假日安排（${result.source}），共 ${result.days} 个调整日。`);
        if (result.recomputed.changed > 0) console.log(`在办办件中有 ${result.recomputed.changed} 件的办结期限按新安排重新计算，已记入各办件的办理记录。`);
      } finally {
        await database.close();
      }
      return 0;
    }
    default:
      console.error(`未知命令：${command}\n\n${HELP}`);
      return 1;
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    const details = (error as { details?: { errors?: { message: string }[] } }).details?.errors;
    console.error(error instanceof Error ? error.message : error);
    for (const e of details ?? []) console.error(`  - ${e.message}`);
    process.exit(1);
  },
);
