/**
 * The 卷内目录 of a dossier and its integrity check (四性检测之完整性), pure: the collected facts of a finished case
 * in, the ordered documents out; the registration and what the store holds now in, the problems in words out.
 */
import { wallTime } from '../calendar/office-hours.js';
import type { CaseState } from '../cases/model.js';
import { TERMINAL_STATUSES } from '../cases/terminal.js';
import { LEVEL_NAMES, type Level } from '../evaluation/levels.js';
import { CARD_LEVEL_NAMES, type CardLevel } from '../supervision/cards.js';
import { RULE_BY_CODE } from '../supervision/rules.js';
import { DELIVERY_NAMES, OUTCOME_NAMES } from '../vocabulary/index.js';
import { joinClauses } from './rules.js';
import { DOSSIER_PARTS, DOSSIER_PART_NAMES, type DossierPart } from './terms.js';

export interface DossierFile {
  /** the content hash the file store keeps it under */
  key: string;
  name: string;
  contentType: string;
  bytes: number;
  sha256: string;
}

/** One document as the manifest keeps it (the contract's DossierEntry without the presentation-only partName). */
export interface ManifestEntry {
  seq: number;
  part: DossierPart;
  title: string;
  at: string | null;
  byName: string | null;
  detail: string | null;
  file: DossierFile | null;
  /** the printed paper's content as composed by the papers module, so the archive can reproduce the sheet */
  content?: unknown;
}

export interface DossierFacts {
  caseRecord: { caseNo: string; itemName: string; applicantName: string; createdAt: string; registeredByName: string | null };
  /** the item's checklist and whether each was on file */
  materials: { name: string; provided: boolean; files: DossierFile[]; uploadedAt: string | null }[];
  prints: { title: string; at: string; byName: string | null; content: unknown }[];
  events: { title: string; at: string; byName: string | null; detail: string | null }[];
  result: { title: string; at: string | null; detail: string | null } | null;
  ratings: { title: string; at: string; detail: string | null }[];
  supervision: { title: string; at: string; byName: string | null; detail: string | null }[];
}

/** When the case was finished: the last event that moved it into a final status (`fallback` when none did). */
export function finishedAtOf(events: readonly { at: string; to_status: string | null }[], fallback: string): string {
  const last = [...events].reverse().find((e) => e.to_status !== null && (TERMINAL_STATUSES as readonly string[]).includes(e.to_status));
  return last?.at ?? fallback;
}

/** The 办理结果 entry in words: the decision with its 文号 and how it was handed over, the 退回 with its basis, or 撤回. */
export function resultEntry(status: string, state: CaseState, finishedAt: string, timeZone: string): NonNullable<DossierFacts['result']> {
  if (status === 'delivered') {
    return {
      title: '办理结果',
      at: state.completedAt ?? state.delivery?.at ?? finishedAt,
      detail: joinClauses([
        state.outcome ? OUTCOME_NAMES[state.outcome] : null,
        state.resultNo ? `文号 ${state.resultNo}` : null,
        state.refusal?.reasons ? `理由：${state.refusal.reasons}` : null,
        state.delivery ? `${DELIVERY_NAMES[state.delivery.method]}（${wallTime(state.delivery.at, timeZone)}）` : null,
      ]),
    };
  }
  if (status === 'returned') {
    return { title: '退回', at: finishedAt, detail: joinClauses([state.refusal?.reasons, state.refusal?.basis ? `依据：${state.refusal.basis}` : null]) };
  }
  return { title: '撤回', at: finishedAt, detail: '申请人撤回申请' };
}

/** A 好差评 in words: its round, its level (and whether it was given by default), the applicant's comment. */
export function ratingEntry(r: { round: number; level: string; isDefault: boolean; comment: string | null; at: string }): DossierFacts['ratings'][number] {
  const level = LEVEL_NAMES[r.level as Level] ?? r.level;
  return { title: `好差评（第 ${r.round} 次）`, at: r.at, detail: `${level}${r.isDefault ? '（默认好评）' : ''}${r.comment ? `：${r.comment}` : ''}` };
}

/** A rule the supervision found broken, by its number and name, with the facts as it recorded them. */
export function violationEntry(v: { ruleCode: string; at: string; facts: string | null }): DossierFacts['supervision'][number] {
  const rule = RULE_BY_CODE.get(v.ruleCode);
  return { title: rule ? `${rule.number} ${rule.name}` : v.ruleCode, at: v.at, byName: null, detail: v.facts };
}

/** A 督办单 by its number and level, who issued it and what it asked. */
export function cardEntry(k: { cardNo: string; level: string; at: string; byName: string | null; content: string }): DossierFacts['supervision'][number] {
  return { title: `督办单 ${k.cardNo}（${CARD_LEVEL_NAMES[k.level as CardLevel] ?? k.level}）`, at: k.at, byName: k.byName, detail: k.content };
}

const byTime = <T extends { at: string | null }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));

/** The documents in the order of DOSSIER_PARTS, each part in time order (materials in the checklist's), seq from 1. */
export function dossierEntries(f: DossierFacts): ManifestEntry[] {
  type Entry = Omit<ManifestEntry, 'seq' | 'part'>;
  const parts: Record<DossierPart, Entry[]> = {
    application: [
      { title: '办件登记', at: f.caseRecord.createdAt, byName: f.caseRecord.registeredByName, detail: `${f.caseRecord.caseNo} ${f.caseRecord.itemName}（申请人：${f.caseRecord.applicantName}）`, file: null },
    ],
    materials: f.materials.flatMap((m): Entry[] =>
      m.files.length > 0
        ? m.files.map((file) => ({ title: m.name, at: m.uploadedAt, byName: null, detail: null, file }))
        : [{ title: m.name, at: null, byName: null, detail: m.provided ? '已收取纸质材料' : '未提供', file: null }],
    ),
    papers: byTime(f.prints).map((p) => ({ title: p.title, at: p.at, byName: p.byName, detail: null, file: null, content: p.content })),
    process: byTime(f.events).map((e) => ({ title: e.title, at: e.at, byName: e.byName, detail: e.detail, file: null })),
    result: f.result ? [{ ...f.result, byName: null, file: null }] : [],
    evaluation: byTime(f.ratings).map((r) => ({ ...r, byName: null, file: null })),
    supervision: byTime(f.supervision).map((s) => ({ ...s, file: null })),
  };
  let seq = 0;
  return DOSSIER_PARTS.flatMap((part) => parts[part].map((e) => ({ seq: ++seq, part, ...e })));
}

export const partName = (part: DossierPart): string => DOSSIER_PART_NAMES[part];

/** What reading a stored file gave: its bytes' count and hash, nothing stored, or bytes that no longer match their key. */
export type ReadBack = { kind: 'read'; bytes: number; sha256: string } | { kind: 'missing' } | { kind: 'damaged' };

export interface Registration {
  fileCount: number;
  totalBytes: number;
  manifestSha256: string;
  manifestBytes: number;
  files: readonly { name: string; bytes: number; sha256: string }[];
}

export interface ReadBackAll {
  manifest: ReadBack;
  /** the manifest's own list of files (null when it could not be read); compared with the registration */
  manifestFiles: readonly { name: string; bytes: number; sha256: string }[] | null;
  /** per registered file, in the registration's order */
  files: readonly ReadBack[];
}

/**
 * Compares the 归档登记表 (the dossier row and the files it registered) with what the store holds now: the
 * manifest's SHA-256 and bytes, every file's bytes and SHA-256, and — when every file could be read — the count and
 * the total bytes (a missing or damaged file is named once, not again as a shortfall of both). Problems in Chinese;
 * empty when intact.
 */
export function integrityProblems(reg: Registration, now: ReadBackAll): string[] {
  const problems: string[] = [];
  const m = now.manifest;
  if (m.kind === 'missing') problems.push('缺少案卷清单文件');
  else if (m.kind === 'damaged') problems.push('案卷清单的 SHA-256 与登记不符（文件已损坏）');
  else {
    if (m.sha256 !== reg.manifestSha256) problems.push('案卷清单的 SHA-256 与登记不符');
    if (m.bytes !== reg.manifestBytes) problems.push(`案卷清单字节数不符：登记 ${reg.manifestBytes}，实际 ${m.bytes}`);
  }
  if (now.manifestFiles && now.manifestFiles.length !== reg.files.length) {
    problems.push(`案卷清单列出的文件数不符：登记 ${reg.files.length} 件，清单 ${now.manifestFiles.length} 件`);
  }
  // a missing or damaged file is reported once, by name: the totals are compared only when everything was read
  let allRead = m.kind === 'read';
  let count = m.kind === 'read' ? 1 : 0;
  let total = m.kind === 'read' ? m.bytes : 0;
  reg.files.forEach((file, i) => {
    const got = now.files[i] ?? { kind: 'missing' };
    if (got.kind !== 'read') allRead = false;
    if (got.kind === 'missing') {
      problems.push(`缺少文件“${file.name}”`);
      return;
    }
    if (got.kind === 'damaged') {
      problems.push(`文件“${file.name}”的 SHA-256 与登记不符（文件已损坏）`);
      return;
    }
    count += 1;
    total += got.bytes;
    if (got.bytes !== file.bytes) problems.push(`文件“${file.name}”字节数不符：登记 ${file.bytes}，实际 ${got.bytes}`);
    if (got.sha256 !== file.sha256) problems.push(`文件“${file.name}”的 SHA-256 与登记不符`);
  });
  if (allRead && count !== reg.fileCount) problems.push(`件数不符：登记 ${reg.fileCount} 件，实际 ${count} 件`);
  if (allRead && total !== reg.totalBytes) problems.push(`总字节数不符：登记 ${reg.totalBytes}，实际 ${total}`);
  return problems;
}
