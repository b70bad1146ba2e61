import { openDatabase, type Database } from '../db/database.js';
import { exclusively } from '../db/exclusive.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadOfficialYears } from '../modules/calendar/service.js';
import { seedDemo } from '../modules/demo/seed.js';
import type { Config } from './config.js';

/**
 * Opens the database and brings it to a usable state: migrations, the official calendar
 * (reference data every deployment needs) and, in demo mode on an empty database, the demo region.
 */
export async function prepareDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Database> {
  const database = openDatabase(config.database);
  const applied = await migrateToLatest(database);
  if (applied.length > 0) log(`数据库已升级：${applied.join('、')}`);
  // processes started together (an upgrade bringing a new year, a new database): the first loads, the others find it
  await exclusively(database, 'start', async () => {
    const years = await loadOfficialYears(database.db, new Date());
    if (years.length > 0) log(`已载入国务院公布的 ${years.join('、')} 年节假日安排`);
    if (config.demo) {
      const seeded = await seedDemo(database.db, new Date());
      if (seeded) log(`空数据库已载入演示数据：${seeded}`);
    }
  });
  return database;
}
