#!/usr/bin/env node
/**
 * The command line: serve, migrate, seed-demo, create-admin, import-catalog, import-calendar.
 * `npm run cli -- <command> [options]` during development; `node dist/server/cli/main.js` after a build.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { importYear } from '../modules/calendar/service.js';
import { importCatalogFile } from '../modules/catalog/import.js';
import { seedDemo } from '../modules/demo/seed.js';
import { createFirstAdmin } from '../modules/users/first-admin.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { prepareDatabase } from '../server/start.js';

const HELP = `便民服务平台命令行

用法：npm run cli -- <命令> [选项]

  serve                         启动服务（默认 http://localhost:3000）；--no-demo 不载入演示数据
  migrate                       升级数据库结构
  seed-demo                     向空数据库载入演示地区、账号和事项目录
  create-admin --username U --name 姓名 --org-code 代码 [--password P]
                                为正式部署创建第一个系统管理员（空库时同时创建县级机构，需 --org-name）
  import-catalog <文件.json|.xlsx> [--dry-run]
                                导入事项目录，打印接受与拒绝的行及原因
  import-calendar <文件.json>   导入某一年度的法定节假日安排

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
      const app = await buildApp({ database, config, clock: () => new Date() }, { logger: config.production });
      const close = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', close);
      process.on('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      console.log(`便民服务平台已启动：http://localhost:${config.port}/  数据库：${database.dialect}${config.demo ? '（演示模式）' : ''}`);
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
      const database = await prepareDatabase({ ...config, demo: false });
      try {
        const result = await createFirstAdmin(database.db, {
          username: values.username,
          name: values.name,
          password: values.password,
          orgCode: values['org-code'],
          orgName: values['org-name'],
          timeZone: config.timeZone,
        });
        console.log(`已创建系统管理员 ${values.username}（${result.orgName}）。`);
        if (result.generatedPassword) console.log(`初始密码：${result.generatedPassword}  请登录后立即修改。`);
      } finally {
        await database.close();
      }
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
