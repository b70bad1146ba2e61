import { randomUUID } from 'node:crypto';
import { addWorkingDays } from '../../domain/calendar/calendar.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { DomainError } from '../../domain/errors.js';
import { paperIssuer } from '../../domain/papers/issuer.js';
import { extensionFacts, PAPER_LABELS, paperNotApplicable, paperTitle, type PaperKind } from '../../domain/papers/papers.js';
import { progressUrlAt } from '../../domain/papers/public-url.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { AppContext, Db } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { findItemByCode, findOffering } from '../catalog/repo.js';
import { viewerOf } from '../cases/access.js';
import { centerTime } from '../cases/center.js';
import { presentCase } from '../cases/presenter.js';
import { findCase } from '../cases/repo.js';
import { caseEvents } from '../events/repo.js';
import { presentOrg } from '../orgs/presenter.js';
import { findOrg, orgsByIds } from '../orgs/repo.js';
import { getLevelNames, publicUrlOf, supervisionPhoneOf, supplementDaysOf } from '../settings/service.js';
import { findWindow } from '../windows/repo.js';
import { findPrint, insertPrint, listPrintContents, listPrints, type PrintRow } from './repo.js';

/** A center as a paper names it: heading and seal, address, phone, office hours. */
const centerOf = async (db: Db, orgId: string) => {
  const org = await findOrg(db, orgId);
  if (!org) throw notFound('出具文书的机构');
  const { id, level, name, centerName, address, phone, officeHours } = presentOrg(org);
  return { id, level, name, centerName, address, phone, officeHours };
};

/**
 * The issuing center's window for the case: the case's own window when it is that center's, else the window the
 * center handles the item at — a case a village forwarded carries no window of the township, yet the township's
 * papers must say which window to go to (README: 一次性告知书写明到哪个中心哪个窗口).
 */
async function issuerWindowName(db: Db, caseWindowId: string | null, issuerOrgId: string, itemId: string) {
  const own = caseWindowId ? await findWindow(db, caseWindowId) : undefined;
  if (own?.org_id === issuerOrgId) return own.name;
  const offering = await findOffering(db, issuerOrgId, itemId);
  const window = offering?.window_id ? await findWindow(db, offering.window_id) : undefined;
  return window?.org_id === issuerOrgId ? window.name : null;
}

/**
 * Everything one paper of a case prints, as of now: the case (personal data masked: a paper names the applicant
 * only), the item's facts it quotes, the issuing center of rule 10 and where the applicant collects the result,
 * the act it records, and the deployment's public address and supervision phone. The print page renders exactly
 * this, and a print record keeps exactly this, so the archive can reproduce the sheet.
 */
export async function paperContext(ctx: AppContext, actor: Actor, caseId: string, paper: PaperKind) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const row = await findCase(db, caseId);
  if (!row) throw notFound('该办件');
  await viewerOf(db, actor, row); // may the person see the case at all
  const holder = (await findOrg(db, row.holder_org_id))!;
  const time = await centerTime(db, holder);
  const c = presentCase(row, now, time, { fullPersonalData: false, actor: null, canAct: false }, await caseEvents(db, caseId));
  const issuer = paperIssuer(paper, c);
  if (!issuer) throw new DomainError('PAPER_NOT_APPLICABLE', paperNotApplicable(paper, c) ?? '该办件不适用此文书。', { paper });

  const itemRow = await findItemByCode(db, c.itemCode);
  const issuerCenter = await centerOf(db, issuer.orgId);
  const handOver = issuer.handOverOrgId && issuer.handOverOrgId !== issuer.orgId ? await centerOf(db, issuer.handOverOrgId) : null;
  const receivedBy = c.receivingOrgId !== issuer.orgId ? await centerOf(db, c.receivingOrgId) : null;
  const publicUrl = (await publicUrlOf(db, ctx.config)).url;
  const supplementDays = await supplementDaysOf(db);
  let supplementBy: string | null = null;
  if (paper === 'supplement' && issuer.event) {
    try {
      supplementBy = addWorkingDays(time.calendar, localDate(new Date(issuer.event.at), time.timeZone), supplementDays);
    } catch {
      supplementBy = null; // a year neither loaded nor computable: the paper gives the number of days only
    }
  }
  return {
    paper,
    paperName: PAPER_LABELS[paper],
    title: paperTitle(paper, c),
    case: c,
    item: itemRow
      ? { code: itemRow.code, name: itemRow.name, department: itemRow.department, kind: itemRow.kind, promisedDays: itemRow.promised_days, result: itemRow.result, specialSteps: fromJson<{ name: string; limitDays: number }[]>(itemRow.special_steps, []) }
      : null,
    issuer: issuerCenter,
    /** where the result or the returned materials are handed over, when that is not the issuer */
    handOver,
    /** the center where the applicant came in, when another center issues the paper (a village's agent case) */
    receivedBy,
    /** the window of the issuing center that has the case (where to bring supplements) */
    windowName: await issuerWindowName(db, row.window_id, issuer.orgId, row.item_id),
    event: issuer.event ? { type: issuer.event.type, at: issuer.event.at, by: issuer.event.by } : null,
    supplementDays,
    supplementBy,
    extension: paper === 'extension' ? extensionFacts(c, c.dueAt) : null,
    supervisionPhone: await supervisionPhoneOf(db),
    publicUrl,
    progressUrl: publicUrl ? progressUrlAt(publicUrl, c.caseNo) : null,
    levelNames: await getLevelNames(db),
    generatedAt: now.toISOString(),
  };
}
export type PaperContext = Awaited<ReturnType<typeof paperContext>>;

const presentPrint = (p: PrintRow) => ({
  id: p.id,
  caseId: p.case_id,
  paper: p.paper,
  paperName: PAPER_LABELS[p.paper as PaperKind] ?? p.paper,
  issuerOrgId: p.issuer_org_id,
  issuerName: p.issuer_name,
  printedBy: p.printed_by_name ?? p.printed_by,
  printedAt: p.printed_at,
});

/**
 * Records one print of a paper (the print page calls it as the clerk presses 打印): which paper, the issuer, who
 * and when, and the paper's whole content as printed. Audited in the same transaction.
 */
export async function recordPrint(ctx: AppContext, actor: Actor, caseId: string, paper: PaperKind) {
  const content = await paperContext(ctx, actor, caseId, paper);
  const now = ctx.clock();
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    await insertPrint(trx, {
      id,
      case_id: caseId,
      paper,
      issuer_org_id: content.issuer.id,
      printed_by: actor.userId,
      printed_at: now.toISOString(),
      content: toJson(content),
    });
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'case.print', targetType: 'case', targetId: caseId, detail: { paper, printId: id, issuerOrgId: content.issuer.id } });
  });
  const row = (await findPrint(ctx.database.db, caseId, id))!;
  return { ...presentPrint(row), title: content.title };
}

/** 打印记录 of a case, newest first. */
export async function casePrints(ctx: AppContext, actor: Actor, caseId: string) {
  const { db } = ctx.database;
  const row = await findCase(db, caseId);
  if (!row) throw notFound('该办件');
  await viewerOf(db, actor, row);
  const prints = (await listPrints(db, caseId)).map(presentPrint);
  return { prints, total: prints.length };
}

/** One print with the content it printed (to show the sheet again as it was). */
export async function printContent(ctx: AppContext, actor: Actor, caseId: string, printId: string) {
  const { db } = ctx.database;
  const row = await findCase(db, caseId);
  if (!row) throw notFound('该办件');
  await viewerOf(db, actor, row);
  const print = await findPrint(db, caseId, printId);
  if (!print) throw notFound('该打印记录');
  return { ...presentPrint(print), content: fromJson<PaperContext | null>(print.content, null) };
}

/**
 * 我的办件: the papers the center printed for a case, as its applicant sees them (the caller has checked the case is
 * theirs): which paper, its title as printed, the issuing center and when. No staff names; reading is not audited.
 */
export async function applicantPapers(db: Db, caseId: string) {
  const rows = await listPrintContents(db, caseId);
  const orgs = await orgsByIds(db, rows.map((r) => r.issuer_org_id));
  const papers = rows.map((r) => {
    const content = fromJson<{ title?: unknown } | null>(r.content, null);
    const paperName = PAPER_LABELS[r.paper as PaperKind] ?? r.paper;
    return {
      id: r.id,
      paper: r.paper,
      paperName,
      title: typeof content?.title === 'string' ? content.title : paperName,
      issuerName: orgs.get(r.issuer_org_id ?? '')?.center_name ?? null,
      printedAt: r.printed_at,
    };
  });
  return { papers, total: papers.length };
}

/** One of those papers with its content exactly as printed; a print of another case is not found. */
export async function applicantPaper(db: Db, caseId: string, printId: string) {
  const print = await findPrint(db, caseId, printId);
  const content = print ? fromJson<PaperContext | null>(print.content, null) : null;
  if (!print || !content) throw notFound('该文书');
  const paperName = PAPER_LABELS[print.paper as PaperKind] ?? print.paper;
  // The snapshot carries the case's whole timeline, which the sheet reads only for dates (submitted, escalated,
  // completed): the applicant gets each event's kind and time, not who acted or what staff noted with it.
  const events = content.case.events.map((e) => ({ at: e.at, type: e.type, by: '', orgId: e.orgId, fromStatus: e.fromStatus, toStatus: e.toStatus }));
  return { id: print.id, paper: print.paper, paperName, title: content.title ?? paperName, issuerName: print.issuer_name, printedAt: print.printed_at, content: { ...content, case: { ...content.case, events } } };
}
