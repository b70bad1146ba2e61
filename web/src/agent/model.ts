/**
 * What the agent console reads from the server, and the calls it makes. Shapes follow the server's answers
 * (GET /api/auth/me, /api/items, /api/cases, /api/agents/*); only the fields this page uses are declared.
 */
import type { SearchKeys } from '@domain/catalog/match';
import type { MonthlyCounts } from '@domain/agents/monthly';
import type { Case, CaseSummary } from '@domain/contract/cases';
import type { ReplyCase } from '@domain/contract/agents';
import { api, listOf } from './api';

// ------------------------------------------------------------------------------------------------ session

export interface Org {
  id: string;
  name: string;
  /** 柳河村便民服务室: the office's public name */
  centerName: string;
  address: string | null;
  phone: string | null;
}

/** GET /api/auth/me */
export interface Me {
  id: string;
  name: string;
  roles: string[];
  orgId: string;
  org: Org | null;
}

export const getMe = async (): Promise<Me> => (await api<{ user: Me }>('/auth/me', { quiet401: true })).user;

export const signIn = (username: string, password: string) =>
  api<{ user: Me }>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });

export const signOut = () => api<void>('/auth/logout', { method: 'POST', quiet401: true });

/** The office's public name, as it goes on every printed sheet. */
export const officeName = (me: Me): string => me.org?.centerName ?? '';
export const villageName = (me: Me): string => me.org?.name ?? '';

// ------------------------------------------------------------------------------------------------ items

export interface Material {
  name: string;
  main: boolean;
  copies?: number;
  original?: boolean;
}

export interface Item {
  code: string;
  name: string;
  /** 俗称 (低保), and the pinyin of the name then of each 俗称: 查找事项 matches them (item-search.ts) */
  aliases?: string[];
  pinyin?: SearchKeys[];
  category: string;
  department?: string;
  window?: string;
  level: 'county' | 'township' | 'village';
  kind: 'immediate' | 'promised';
  promisedDays?: number;
  inPersonRequired: boolean;
  proxyAllowed: boolean;
  materials: Material[];
  result?: string;
  fee?: { amount: number; basis?: string };
  status?: string;
}

const ITEMS_CACHE = 'bianmin.agent.items.v1';

/** An item of the catalog this village does not offer: only what 查找事项 matches, to say 本村不能办理. */
export type OtherItem = Pick<Item, 'code' | 'name' | 'category' | 'aliases' | 'pinyin'>;

interface ItemsCache {
  orgId?: string;
  items?: Item[];
  /** absent in a list cached before it was kept */
  others?: OtherItem[];
}

function readCache(orgId: string): ItemsCache | null {
  try {
    const cached = JSON.parse(localStorage.getItem(ITEMS_CACHE) ?? 'null') as ItemsCache | null;
    return cached?.orgId === orgId && Array.isArray(cached.items) ? cached : null;
  } catch {
    return null;
  }
}

/** The items cached from the last visit: the form can open at once, even on a weak signal. */
export const cachedItems = (orgId: string): Item[] | null => readCache(orgId)?.items ?? null;
export const cachedOthers = (orgId: string): OtherItem[] => readCache(orgId)?.others ?? [];

let fetchedThisVisit = false;

/** Whether the list was already asked for since the page opened (74 KB: not again on every visit to the form). */
export const itemsFresh = () => fetchedThisVisit;

/**
 * The items this village may receive: the codes it offers (GET /api/orgs/{id}/items) joined with the public
 * catalog (GET /api/items), which carries materials and the proxy rules; and the rest of the catalog, slimmed to
 * what a search needs, so looking for 身份证 says where to go instead of finding nothing.
 */
export async function getVillageItems(orgId: string): Promise<{ items: Item[]; others: OtherItem[] }> {
  // the village's items (可办事项) are codes; their guides come from the public catalog
  const [offered, catalog] = await Promise.all([
    api<{ itemCodes?: unknown }>(`/orgs/${encodeURIComponent(orgId)}/items`),
    api<{ items?: unknown }>('/items'),
  ]);
  const codes = new Set(listOf<string>(offered.itemCodes, '可办事项'));
  const items: Item[] = [];
  const others: OtherItem[] = [];
  for (const item of listOf<Item>(catalog.items, '事项目录')) {
    if (item.status === 'retired') continue;
    if (codes.has(item.code)) items.push(item);
    else others.push({ code: item.code, name: item.name, category: item.category, aliases: item.aliases, pinyin: item.pinyin });
  }
  items.sort((a, b) => a.code.localeCompare(b.code));
  fetchedThisVisit = true;
  try {
    localStorage.setItem(ITEMS_CACHE, JSON.stringify({ orgId, items, others }));
  } catch {
    // a full storage only costs the next visit a download
  }
  return { items, others };
}

/** GET /api/agents/where-to-apply: where a villager must go for an item this village cannot take. */
export interface WhereToApply {
  inPerson: boolean;
  venue: { centerName: string; window: string | null; address: string | null; phone: string | null; hoursText: string | null } | null;
  text: string | null;
}

export const whereToApply = (code: string) => api<WhereToApply>(`/agents/where-to-apply?itemCode=${encodeURIComponent(code)}`);

// ------------------------------------------------------------------------------------------------ cases

// The server's own shapes (src/domain/contract): types only, so no schema library comes into this page.
export type { Case, CaseEvent, CaseSummary } from '@domain/contract/cases';
export type { ReplyCase } from '@domain/contract/agents';

export interface NewCase {
  itemCode: string;
  channel: 'agent';
  applicant: { name: string; idNumber: string; phone: string; address?: string };
  materials: { name: string; provided: boolean }[];
  /** absent: the applicant in person (申请人本人办理) */
  proxy?: { authorized: boolean };
  /** a main material is missing: registered and returned at once with these (退回件) */
  refusal?: { reasons: string; basis: string };
}

/** 202 { queued }: no network, and the offline worker keeps it to send later (web/public/agent-sw.js) */
export const registerCase = (body: NewCase, key: string) => api<Case | { queued: true }>('/cases', { method: 'POST', body, idempotencyKey: key });

export const getCase = (id: string) => api<Case>(`/cases/${encodeURIComponent(id)}`);

export async function listToReply(): Promise<ReplyCase[]> {
  return listOf<ReplyCase>((await api<{ cases?: unknown }>('/agents/to-reply')).cases, '待回复办件');
}

/** GET /api/settings: the deployment's public address (every printed link) and the county's supervision phone. */
export interface PrintSettings {
  publicUrl: string | null;
  supervisionPhone: string | null;
}

let settings: Promise<PrintSettings> | null = null;

/** Asked once per visit; a failure is asked again next time (a sheet then prints without the link). */
export function getPrintSettings(): Promise<PrintSettings> {
  settings ??= api<Partial<PrintSettings>>('/settings').then(
    (s) => ({ publicUrl: s.publicUrl ?? null, supervisionPhone: s.supervisionPhone ?? null }),
    (error: unknown) => {
      settings = null;
      throw error;
    },
  );
  return settings;
}

/** A center as a paper names it (heading, seal, contacts). */
export interface PaperCenter {
  id: string;
  name: string;
  centerName?: string | null;
  address?: string | null;
  phone?: string | null;
  officeHours?: { sessions: { start: string; end: string }[] } | null;
}

/**
 * GET /api/cases/{id}/papers/{paper}: one paper as the server composes it — the issuing center (rule 10: whoever
 * performed the act), the act's date and person, where and by when (one-time notice), the public address.
 */
export interface Paper {
  title: string;
  case: { caseNo: string; itemName: string; applicant: { name: string }; supplementNotice?: { missing: string[]; defectNote?: string | null; at: string } | null };
  issuer: PaperCenter;
  receivedBy?: PaperCenter | null;
  windowName: string | null;
  event: { at: string; by: string } | null;
  supplementDays: number;
  supplementBy: string | null;
  supervisionPhone: string | null;
  publicUrl: string | null;
  progressUrl: string | null;
}

export const getPaper = (caseId: string, paper: 'supplement') => api<Paper>(`/cases/${encodeURIComponent(caseId)}/papers/${paper}`);

/** Every print is recorded for the archive (which paper, issuer, who, when); the sheet prints even if this fails. */
export const recordPrint = (caseId: string, paper: 'supplement') =>
  api<unknown>(`/cases/${encodeURIComponent(caseId)}/prints`, { method: 'POST', body: { paper } });

/** The QR code of a case's public progress page, drawn by the server at the configured public address. */
export const progressQrSrc = (caseNo: string) => `/api/agents/progress-qr.svg?caseNo=${encodeURIComponent(caseNo)}`;

export const VIEWS = ['to-forward', 'held', 'sent-up', 'to-deliver'] as const;
export type View = (typeof VIEWS)[number];

export async function listCases(query: { view?: View; status?: string; page?: number; pageSize?: number }) {
  const params = new URLSearchParams();
  if (query.view) params.set('view', query.view);
  if (query.status) params.set('status', query.status);
  params.set('page', String(query.page ?? 1));
  params.set('pageSize', String(query.pageSize ?? 20));
  const answer = await api<{ cases?: unknown; total?: unknown }>(`/cases?${params.toString()}`);
  const cases = listOf<CaseSummary>(answer.cases, '办件列表');
  return { cases, total: typeof answer.total === 'number' ? answer.total : cases.length };
}

export const actOn = (c: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
  api<Case>(`/cases/${encodeURIComponent(c.id)}/actions/${action}`, { method: 'POST', body: { expectedVersion: c.version, ...input } });

// ------------------------------------------------------------------------------------------------ batches

export interface BatchCase {
  id: string;
  caseNo: string;
  itemName: string;
  applicantName: string;
  materials: string[];
}

export interface Batch {
  id: string;
  batchNo: string;
  villageName: string;
  townshipName: string;
  sentAt: string;
  sentBy: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  caseCount?: number;
  cases?: BatchCase[];
}

export const getNextBatch = () => api<{ batchDay: string; waiting: number }>('/agents/next-batch');

export const sendBatch = (key: string) => api<Batch>('/agents/batches', { method: 'POST', body: {}, idempotencyKey: key });

export async function listBatches(): Promise<Batch[]> {
  return listOf<Batch>((await api<{ batches?: unknown }>('/agents/batches')).batches, '报送记录');
}

export const getBatch = (id: string) => api<Batch>(`/agents/batches/${encodeURIComponent(id)}`);

// ------------------------------------------------------------------------------------------------ monthly

export interface MonthlyRow extends MonthlyCounts {
  villageId: string;
  villageName: string;
  category: string;
}

export interface Monthly {
  month: string;
  rows: MonthlyRow[];
  totals: MonthlyCounts;
}

export const getMonthly = (month: string) => api<Monthly>(`/agents/monthly?month=${encodeURIComponent(month)}`);
