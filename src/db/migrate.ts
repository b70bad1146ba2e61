import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-cases.js';
import * as m0003 from './migrations/0003-presence.js';
import * as m0004 from './migrations/0004-refusal-review.js';
import * as m0005 from './migrations/0005-village-hops.js';

// Migrations are listed here, not discovered on disk, so the compiled server and tsx run the same set.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-cases': m0002,
  '0003-presence': m0003,
  '0004-refusal-review': m0004,
  '0005-village-hops': m0005,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
