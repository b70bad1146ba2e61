import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-cases.js';
import * as m0003 from './migrations/0003-presence.js';
import * as m0004 from './migrations/0004-refusal-review.js';
import * as m0005 from './migrations/0005-village-hops.js';
import * as m0006 from './migrations/0006-provisional-deadlines.js';
import * as m0007 from './migrations/0007-accounts-audit.js';
import * as m0009 from './migrations/0009-print-records.js';
import * as m0010 from './migrations/0010-item-aliases.js';
import * as m0011 from './migrations/0011-stored-light.js';
import * as m0012 from './migrations/0012-event-consumers.js';
import * as m0013 from './migrations/0013-drop-user-lock-columns.js';
import * as m0015 from './migrations/0015-case-indexes.js';
import * as m0016 from './migrations/0016-case-search.js';
import * as m0017 from './migrations/0017-case-counts.js';
import * as m0018 from './migrations/0018-supervision.js';
import * as m0019 from './migrations/0019-notifications.js';
import * as m0020 from './migrations/0020-supervision-cards.js';
import * as m0021 from './migrations/0021-ratings.js';
import * as m0022 from './migrations/0022-rating-work-orders.js';
import * as m0023 from './migrations/0023-complaints.js';
import * as m0024 from './migrations/0024-petitions.js';
import * as m0025 from './migrations/0025-consultations.js';
import * as m0026 from './migrations/0026-applicants.js';
import * as m0027 from './migrations/0027-notices.js';
import * as m0028 from './migrations/0028-files.js';
import * as m0029 from './migrations/0029-applications.js';
import * as m0030 from './migrations/0030-open311-keys.js';
import * as m0031 from './migrations/0031-open311-requests.js';
import * as m0035 from './migrations/0035-duty.js';
import * as m0041 from './migrations/0041-evidence-holders.js';
import * as m0042 from './migrations/0042-case-terms-range.js';
import * as m0043 from './migrations/0043-promise-checks.js';
import * as m0044 from './migrations/0044-rate-limit-windows.js';
import * as m0045 from './migrations/0045-idempotency-fingerprints.js';
import * as m0046 from './migrations/0046-application-refusal-review.js';
import * as m0047 from './migrations/0047-archive.js';
import * as m0039 from './migrations/0039-standards.js';
import * as m0037 from './migrations/0037-assessment.js';
import * as m0038 from './migrations/0038-awards.js';
import * as m0036 from './migrations/0036-monthly-reports.js';
import * as m0040 from './migrations/0040-open311-tokens.js';
import * as m0032 from './migrations/0032-hall-queue.js';
import * as m0033 from './migrations/0033-appointments.js';
import * as m0034 from './migrations/0034-attendance.js';

// Migrations are listed here, not discovered on disk, so the compiled server and tsx run the same set.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-cases': m0002,
  '0003-presence': m0003,
  '0004-refusal-review': m0004,
  '0005-village-hops': m0005,
  '0006-provisional-deadlines': m0006,
  '0007-accounts-audit': m0007,
  '0009-print-records': m0009,
  '0010-item-aliases': m0010,
  '0011-stored-light': m0011,
  '0012-event-consumers': m0012,
  '0013-drop-user-lock-columns': m0013,
  '0015-case-indexes': m0015,
  '0016-case-search': m0016,
  '0017-case-counts': m0017,
  '0018-supervision': m0018,
  '0019-notifications': m0019,
  '0020-supervision-cards': m0020,
  '0021-ratings': m0021,
  '0022-rating-work-orders': m0022,
  '0023-complaints': m0023,
  '0024-petitions': m0024,
  '0025-consultations': m0025,
  '0026-applicants': m0026,
  '0027-notices': m0027,
  '0028-files': m0028,
  '0029-applications': m0029,
  '0030-open311-keys': m0030,
  '0031-open311-requests': m0031,
  '0032-hall-queue': m0032,
  '0033-appointments': m0033,
  '0034-attendance': m0034,
  '0035-duty': m0035,
  '0041-evidence-holders': m0041,
  '0042-case-terms-range': m0042,
  '0043-promise-checks': m0043,
  '0044-rate-limit-windows': m0044,
  '0045-idempotency-fingerprints': m0045,
  '0046-application-refusal-review': m0046,
  '0047-archive': m0047,
  '0039-standards': m0039,
  '0037-assessment': m0037,
  '0038-awards': m0038,
  '0036-monthly-reports': m0036,
  '0040-open311-tokens': m0040,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its own tables in every schema: name ours, or a fresh schema beside another test file's would
  // be taken as already migrated.
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
