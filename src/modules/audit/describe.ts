import { auditDetailText, auditReferences, type AuditEntryView } from '../../domain/audit.js';
import type { AppContext, Db } from '../../server/context.js';
import { orgsByIds } from '../orgs/repo.js';
import { peopleByIds } from '../users/repo.js';
import { windowsByIds } from '../windows/repo.js';
import { routeSummary } from './http-audit.js';

/**
 * The content of each entry in words, with today's names of the people, centers and windows it keeps ids of:
 * looked up once for the whole page (or export), since the stored entries are hash-linked and never rewritten.
 * The screen and the Excel export both take their 内容 from here, so they say the same.
 */
export async function describeEntries(ctx: AppContext, db: Db, entries: readonly AuditEntryView[]): Promise<string[]> {
  const refs = auditReferences(entries);
  const [people, orgs, windows] = await Promise.all([peopleByIds(db, refs.people), orgsByIds(db, refs.orgs), windowsByIds(db, refs.windows)]);
  const names = {
    person: (id: string) => people.get(id),
    org: (id: string) => orgs.get(id)?.name,
    window: (id: string) => windows.get(id)?.name,
    request: routeSummary,
    timeZone: ctx.config.timeZone,
    lockMinutes: ctx.config.login.lockMinutes,
  };
  return entries.map((entry) => auditDetailText(entry, names));
}
