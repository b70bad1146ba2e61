/**
 * The printed 事项交办单 (to the responsible department, with the reply date) and 告知书 (to the petitioner: 受理 /
 * 不予受理 / 延期 / 答复意见). The print pages render exactly what these answer, and each print keeps exactly that
 * (petition_prints), audited.
 */
import { randomUUID } from 'node:crypto';
import { NOTICE_KINDS, PERIODS, type NoticeKind } from '../../domain/petitions/petitions.js';
import { toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { presentOrg } from '../orgs/presenter.js';
import { findOrg } from '../orgs/repo.js';
import { supervisionPhoneOf } from '../settings/service.js';
import { getPetition } from './queries.js';
import * as repo from './repo.js';

const centerOf = async (db: Db, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('机构');
  const { id, level, name, centerName, address, phone, officeHours } = presentOrg(org);
  return { id, level, name, centerName, address, phone, officeHours };
};

const dateText = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function handoverPaper(ctx: AppContext, actor: Actor, id: string, handoverId: string) {
  const { db } = ctx.database;
  const { events, handovers, notices, prints, receptions, ...petition } = await getPetition(ctx, actor, id, { audit: false });
  const handover = handovers.find((h) => h.id === handoverId);
  if (!handover) throw notFound('该交办单');
  return { petition, handover, center: await centerOf(db, petition.orgId), receptions, generatedAt: ctx.clock().toISOString() };
}

/** What the petitioner may do next, said on the notice. */
function rightsOf(kind: NoticeKind, p: { finishDueAt: string | null }): string {
  switch (kind) {
    case 'accept':
      return `本机关将在受理之日起 ${PERIODS.finish} 日内办结${p.finishDueAt ? `（${dateText(p.finishDueAt)}前）` : ''}，并书面答复您。情况复杂的，可延长办理期限，但延长期限不超过 ${PERIODS.maxExtension} 日，并告知您延期理由。`;
    case 'reject':
      return '对不予受理决定有异议的，可以依照《信访工作条例》向有权处理的机关反映，或依法通过诉讼、仲裁、行政复议等途径解决。';
    case 'extend':
      return `延期后的办结期限为 ${p.finishDueAt ? dateText(p.finishDueAt) : ''}，届时将书面答复您。`;
    case 'answer':
      return `对本答复意见不服的，可以自收到本意见书之日起 ${PERIODS.reviewRequest} 日内请求原办理机关的上一级机关复查。`;
    case 'review_answer':
      return `对复查意见不服的，可以自收到复查意见之日起 ${PERIODS.recheckRequest} 日内向复查机关的上一级机关请求复核。`;
    case 'recheck_answer':
      return '复核意见为最终意见。信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理。';
  }
}

export async function noticePaper(ctx: AppContext, actor: Actor, id: string, seq: number) {
  const { db } = ctx.database;
  const { events, handovers, notices, prints, receptions, ...petition } = await getPetition(ctx, actor, id, { audit: false });
  const notice = notices.find((n) => n.seq === seq);
  if (!notice || !(NOTICE_KINDS as readonly string[]).includes(notice.kind)) throw notFound('该告知书');
  return {
    petition,
    notice,
    center: await centerOf(db, petition.orgId),
    rights: rightsOf(notice.kind, petition),
    supervisionPhone: await supervisionPhoneOf(db),
    generatedAt: ctx.clock().toISOString(),
  };
}

/** Records one print of a slip (the print page calls it as 打印 is pressed), with what it printed. */
export async function recordPetitionPrint(ctx: AppContext, actor: Actor, id: string, paper: { handoverId?: string | undefined; seq?: number | undefined }) {
  const content = paper.handoverId ? await handoverPaper(ctx, actor, id, paper.handoverId) : await noticePaper(ctx, actor, id, paper.seq ?? 0);
  const name = paper.handoverId ? `handover:${paper.handoverId}` : `notice:${paper.seq}`;
  const now = ctx.clock();
  const printId = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.insertPrint(trx, { id: printId, petition_id: id, paper: name, printed_by: actor.userId, printed_at: now.toISOString(), content: toJson(content) });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'petition.print', targetType: 'petition', targetId: id, detail: { petitionNo: content.petition.petitionNo, paper: name, printId } });
  });
  return { id: printId, paper: name, printedBy: actor.name, printedAt: now.toISOString() };
}
