/**
 * What rating capture reads of a case, through the cases and events modules' own functions (lint: own tables): the
 * facts copied onto a rating (number, center, window, responsible person, item) and the centers that handled it
 * (staff of those may not rate it).
 */
import { normalizeCaseNo } from '../../domain/cases/case-number.js';
import type { Db } from '../../server/context.js';
import { findCase, findProgress } from '../cases/repo.js';
import { caseEvents } from '../events/repo.js';

export interface RatedCase {
  id: string;
  caseNo: string;
  status: string;
  orgId: string;
  orgIds: string[];
  windowId: string | null;
  personId: string | null;
  itemId: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  applicantPhone: string;
  completedAt: string | null;
  receivingOrgId: string;
}

export async function ratedCase(db: Db, caseId: string): Promise<RatedCase | null> {
  const row = await findCase(db, caseId);
  if (!row) return null;
  const events = await caseEvents(db, caseId);
  // the responsible clerk: who finished it (the last step into 已办结), else who received it
  const done = [...events].reverse().find((e) => e.to_status === 'completed');
  return {
    id: row.id,
    caseNo: row.case_no,
    status: row.status,
    orgId: row.holder_org_id,
    orgIds: [...new Set([row.receiving_org_id, row.holder_org_id, row.transit_org_id, ...events.map((e) => e.org_id)].filter((x): x is string => Boolean(x)))],
    windowId: row.window_id,
    personId: done?.by_user_id ?? row.first_responder_id,
    itemId: row.item_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    applicantPhone: row.applicant_phone,
    completedAt: row.completed_at ?? done?.at ?? null,
    receivingOrgId: row.receiving_org_id,
  };
}

/** The case a villager names by number and the last four digits of the phone; null when the pair does not match. */
export async function caseByNumberAndPhone(db: Db, caseNo: string, phone4: string): Promise<string | null> {
  const row = await findProgress(db, normalizeCaseNo(caseNo));
  if (!row || !/^\d{4}$/.test(phone4) || !row.applicant_phone.endsWith(phone4.normalize('NFKC'))) return null;
  return row.id;
}

/** A case's id by its number (as typed from a paper form), or null. */
export async function caseIdByNumber(db: Db, caseNo: string): Promise<string | null> {
  return (await findProgress(db, normalizeCaseNo(caseNo)))?.id ?? null;
}
