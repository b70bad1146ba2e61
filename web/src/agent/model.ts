/**
 * What the agent console reads from the server, and the calls it makes. The shapes are the server's own
 * (src/domain/contract), imported as types only: no schema library comes into this page (its 300 KB budget).
 */
import type { MaterialsOnFile } from '@domain/contract/applications';
import type { Case, CaseSummary } from '@domain/contract/cases';
import type { Batch, BatchSummary, Monthly, NextBatch, ReplyCase, WhereToApply } from '@domain/contract/agents';
import type { ListedItem } from '@domain/contract/catalog';
import type { Paper, PrintRecord } from '@domain/contract/papers';
import type { LoginAnswer, Me as Session } from '@domain/contract/session';
import type { Settings } from '@domain/contract/settings';
import { api, listOf } from './api';

// ------------------------------------------------------------------------------------------------ session

/** GET /api/auth/me: the agent and the village office */
export type Me = Session['user'];

export const getMe = async (): Promise<Me> => (await api<Session>('/auth/me', { quiet401: true })).user;

export const signIn = (username: string, password: string) =>
  api<LoginAnswer>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });

export const signOut = () => api<void>('/auth/logout', { method: 'POST', quiet401: true });

/** The office's public name, as it goes on every printed sheet. */
export const officeName = (me: Me): string => me.org?.centerName ?? '';
export const villageName = (me: Me): string => me.org?.name ?? '';

// ------------------------------------------------------------------------------------------------ items

/** An item of the public catalog (GET /api/items), with 俗称 and their pinyin: 查找事项 matches them (item-search.ts) */
export type Item = ListedItem;
export type Material = Item['materials'][number];

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

export type { WhereToApply };

export const whereToApply = (code: string) => api<WhereToApply>(`/agents/where-to-apply?itemCode=${encodeURIComponent(code)}`);

// ------------------------------------------------------------------------------------------------ materials on file

/** how the material is on file: its level (权威部门出具, 窗口已核验) and until when it is valid (null: no end) */
export type OnFile = MaterialsOnFile['materials'][number]['onFile'];

export interface OnFileQuery {
  itemCode: string;
  number: string;
  name: string;
}

/**
 * The materials of the item the applicant already has on file (checked at a township or county window, or issued
 * by a finished case), by the ID number and name the agent typed: name → how it is on file. A lost session is
 * not announced from here (the form is still being filled; the submission will say so).
 */
export async function getMaterialsOnFile(query: OnFileQuery, signal?: AbortSignal): Promise<Map<string, OnFile>> {
  const params = new URLSearchParams({ itemCode: query.itemCode, kind: 'person', number: query.number, name: query.name });
  const answer = await api<MaterialsOnFile>(`/evidence/on-file?${params.toString()}`, { quiet401: true, ...(signal ? { signal } : {}) });
  return new Map(listOf<MaterialsOnFile['materials'][number]>(answer.materials, '已存档材料').map((m) => [m.name, m.onFile]));
}

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
export type PrintSettings = Pick<Settings, 'publicUrl' | 'supervisionPhone'>;

let settings: Promise<PrintSettings> | null = null;

/** Asked once per visit; a failure is asked again next time (a sheet then prints without the link). */
export function getPrintSettings(): Promise<PrintSettings> {
  settings ??= api<Settings>('/settings').then(
    (s) => ({ publicUrl: s.publicUrl, supervisionPhone: s.supervisionPhone }),
    (error: unknown) => {
      settings = null;
      throw error;
    },
  );
  return settings;
}

/**
 * GET /api/cases/{id}/papers/{paper}: one paper as the server composes it — the issuing center (rule 10: whoever
 * performed the act), the act's date and person, where and by when (one-time notice), the public address.
 */
export type { Paper };
export type { PaperCenter } from '@domain/contract/papers';

export const getPaper = (caseId: string, paper: 'supplement') => api<Paper>(`/cases/${encodeURIComponent(caseId)}/papers/${paper}`);

/** Every print is recorded for the archive (which paper, issuer, who, when); the sheet prints even if this fails. */
export const recordPrint = (caseId: string, paper: 'supplement') =>
  api<PrintRecord>(`/cases/${encodeURIComponent(caseId)}/prints`, { method: 'POST', body: { paper } });

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

/**
 * One step on a case. Its Idempotency-Key is the step, the case and the version it was taken on: pressed again after
 * a lost answer on a village's bad line, the same step is answered with the case as it now is instead of refused as
 * someone else's change (a different step, or the same one changed, gets VERSION_CONFLICT or IDEMPOTENCY_KEY_REUSED).
 */
export const actOn = (c: { id: string; version: number }, action: string, input: Record<string, unknown> = {}) =>
  api<Case>(`/cases/${encodeURIComponent(c.id)}/actions/${action}`, {
    method: 'POST',
    body: { expectedVersion: c.version, ...input },
    idempotencyKey: `${action}-${c.id}-${c.version}`,
  });

// ------------------------------------------------------------------------------------------------ batches

export type { Batch, BatchCase, BatchSummary, NextBatch } from '@domain/contract/agents';

/** The coming batch; with a case, also the last day that case may go up (its limit). */
export const getNextBatch = (caseId?: string) =>
  api<NextBatch>(caseId ? `/agents/next-batch?caseId=${encodeURIComponent(caseId)}` : '/agents/next-batch');

export const sendBatch = (key: string) => api<Batch>('/agents/batches', { method: 'POST', body: {}, idempotencyKey: key });

export async function listBatches(): Promise<BatchSummary[]> {
  return listOf<BatchSummary>((await api<{ batches?: unknown }>('/agents/batches')).batches, '报送记录');
}

export const getBatch = (id: string) => api<Batch>(`/agents/batches/${encodeURIComponent(id)}`);

// ------------------------------------------------------------------------------------------------ monthly

export type { Monthly, MonthlyRow } from '@domain/contract/agents';

export const getMonthly = (month: string) => api<Monthly>(`/agents/monthly?month=${encodeURIComponent(month)}`);
