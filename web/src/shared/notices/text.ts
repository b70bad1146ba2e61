// The small wordings a printed notice (and the console) share: dates as a service hall writes them, office hours, a
// center's full name. No date library: the public account page stays small on phones.
import { CENTER_SUFFIX, type OrgLevel } from '@domain/orgs/tree';

/**
 * "2026年3月9日" in this browser's time. A date or time without a zone (2026-03-09, 2026-03-09 08:30) is read as
 * local — that day, not UTC midnight — whatever the browser's own parsing does with it.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  const d = local ? new Date(Number(local[1]), Number(local[2]) - 1, Number(local[3])) : new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** "08:30—12:00、14:30—17:30" */
export const formatSessions = (sessions: readonly { start: string; end: string }[]): string =>
  sessions.length === 0 ? '未设置' : sessions.map((s) => `${s.start}—${s.end}`).join('、');

/** The full name of an organisation's center: its own centerName if set, else "柳河乡" + "便民服务中心". */
export const centerTitle = (org: { name: string; level: string; centerName?: string | null }): string =>
  org.centerName || `${org.name}${CENTER_SUFFIX[org.level as OrgLevel] ?? ''}`;
