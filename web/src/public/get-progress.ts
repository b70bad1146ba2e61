/**
 * The one request of the public progress page: GET /api/public/progress (no session). Plain fetch and a
 * hand-written check of the answer: this page carries no schema library, to stay small on old phones.
 */

export interface ProgressEntry {
  at: string;
  text: string;
}

export interface Progress {
  caseNo: string;
  itemName: string;
  status: string;
  statusName: string;
  acceptedAt: string | null;
  dueAt: string | null;
  timeline: ProgressEntry[];
}

export type ProgressAnswer =
  | { kind: 'found'; progress: Progress }
  | { kind: 'not-found' }
  | { kind: 'too-many' }
  | { kind: 'network' }
  | { kind: 'server' };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function readProgress(data: unknown): Progress | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  const caseNo = text(d.caseNo);
  const itemName = text(d.itemName);
  const status = text(d.status);
  if (!caseNo || !itemName || !status || !Array.isArray(d.timeline)) return null;
  const timeline: ProgressEntry[] = [];
  for (const entry of d.timeline as unknown[]) {
    const e = (entry ?? {}) as Record<string, unknown>;
    const at = text(e.at);
    const said = text(e.text);
    if (at && said) timeline.push({ at, text: said });
  }
  return {
    caseNo,
    itemName,
    status,
    statusName: text(d.statusName) ?? status,
    acceptedAt: text(d.acceptedAt),
    dueAt: text(d.dueAt),
    timeline,
  };
}

export async function getProgress(caseNo: string, phone4: string): Promise<ProgressAnswer> {
  const query = new URLSearchParams({ caseNo, phone4 });
  let response: Response;
  try {
    response = await fetch(`/api/public/progress?${query.toString()}`, { headers: { Accept: 'application/json' } });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 404) return { kind: 'not-found' };
  if (response.status === 429) return { kind: 'too-many' };
  // A wrong number format is answered 400: for the villager it is the same as a number that does not exist.
  if (response.status === 400) return { kind: 'not-found' };
  if (!response.ok) return { kind: 'server' };
  try {
    const progress = readProgress(await response.json());
    return progress ? { kind: 'found', progress } : { kind: 'server' };
  } catch {
    return { kind: 'network' };
  }
}
