/**
 * Case events → evidence (issue 11 §2, DOMAIN.md "Public hall"; ARCHITECTURE.md "Events and the outbox"): what an
 * ordinary case's steps mean for its applicant's evidence, decided by src/domain/applications/evidence.ts
 * evidenceOfCaseStep and written for the real-named person the case names (ID number or 统一社会信用代码 with the
 * name), so their later online application does not ask again:
 *
 * - intake or 登记补交 at a township or county window: the materials received, level B (default validity);
 * - a one-time notice or defect request: what this case kept of the named materials is withdrawn;
 * - 办结 approved: the 证明/证照 the item's result issues, level A, with the validity the clerk gave (resultValidUntil).
 *
 * From the first event ever written (cases received before evidence was kept by person are kept too); in the
 * consumer's transaction, so exactly once.
 */
import { randomUUID } from 'node:crypto';
import { evidenceOfCaseStep, holderOf, materialKey, type Evidence } from '../../domain/applications/evidence.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import type { Db } from '../../server/context.js';
import { casesByIds, type CaseOfEvidence } from '../cases/repo.js';
import { findItemByCode } from '../catalog/repo.js';
import type { EventConsumer } from '../events/consumers.js';
import { findOrg } from '../orgs/repo.js';
import { toEvidence } from './presenter.js';
import * as repo from './repo.js';

const STEPS = new Set(['intake', 'supplement', 'notify-supplement', 'complete']);

export const evidenceConsumer: EventConsumer = {
  name: 'evidence-from-cases',
  title: '材料复用：窗口核验的材料（B 级）和办结出具的证照（A 级）按申请人身份证号存档',
  startAt: 'beginning',
  async handle(events, db) {
    const steps = events.filter((e) => STEPS.has(e.type));
    if (steps.length === 0) return;
    // The batch's cases in one read, and each center and each holder's record read once for the batch (a busy
    // hall's batch is many intakes at a few centers, often of one person again): a read per event was a third of
    // this consumer's time (issue 8). A holder's record is read again after this batch changed it.
    const cases = await casesByIds(db, steps.map((e) => e.caseId));
    const orgs = new Map<string, Awaited<ReturnType<typeof findOrg>>>();
    const records = new Map<string, Evidence[]>();
    const batch: Batch = {
      org: async (id) => {
        if (!orgs.has(id)) orgs.set(id, await findOrg(db, id));
        return orgs.get(id);
      },
      evidence: async (holder) => {
        const key = `${holder.kind}|${holder.number}|${holder.name}`;
        let record = records.get(key);
        if (!record) {
          record = (await repo.evidenceOf(db, holder)).map(toEvidence);
          records.set(key, record);
        }
        return { record, changed: () => records.delete(key) };
      },
    };
    for (const e of steps) await keepFromStep(db, e, cases.get(e.caseId), batch);
  },
};

interface Batch {
  org(id: string): Promise<Awaited<ReturnType<typeof findOrg>>>;
  evidence(holder: ReturnType<typeof holderOf>): Promise<{ record: Evidence[]; changed: () => void }>;
}

async function keepFromStep(db: Db, e: Parameters<EventConsumer['handle']>[0][number], c: CaseOfEvidence | undefined, batch: Batch): Promise<void> {
  if (!c || !c.applicant_id_number) return;
  const org = e.orgId ? await batch.org(e.orgId) : undefined;
  const timeZone = org?.time_zone ?? 'Asia/Shanghai';
  const today = localDate(new Date(e.at), timeZone);
  const holder = holderOf({ kind: c.applicant_kind, number: c.applicant_id_number, name: c.applicant_name });
  const item = e.type === 'complete' ? await findItemByCode(db, c.item_code) : undefined;
  const { record: existing, changed } = await batch.evidence(holder);
  const data = (e.data && typeof e.data === 'object' ? e.data : {}) as Record<string, unknown>;
  const changes = evidenceOfCaseStep(
    { type: e.type, channel: c.channel, atWindow: org !== undefined && org.level !== 'village', data, result: item?.result ?? '' },
    existing,
    today,
  );
  if (changes.length > 0) changed();
  const rows: repo.NewEvidence[] = [];
  for (const change of changes) {
    if (change.kind === 'withdraw') {
      await repo.withdrawCaseEvidence(db, c.id, change.materialNames.map(materialKey));
      continue;
    }
    rows.push({
      id: randomUUID(),
      holder_kind: holder.kind,
      holder_number: holder.number,
      holder_name: holder.name,
      material_name: change.materialName,
      material_key: materialKey(change.materialName),
      level: change.level,
      valid_until: change.validUntil,
      checked_at: e.at,
      checked_by: e.byUserId,
      file_hash: null,
      application_id: null,
      case_id: c.id,
      item_code: change.level === 'A' ? c.item_code : null,
      result_no: change.level === 'A' ? (c.result_no ?? null) : null,
      created_at: e.at,
    });
  }
  await repo.insertEvidence(db, rows);
}
