import { randomUUID } from 'node:crypto';
import { channelRejection } from '../../domain/cases/channel.js';
import { localDate } from '../../domain/calendar/office-hours.js';
import { openCase, type IntakeRequest } from '../../domain/cases/intake.js';
import { toDomainError, type CaseRuleCode } from '../../domain/cases/rules.js';
import { DomainError } from '../../domain/errors.js';
import { assertSameRequest, requestFingerprint } from '../../db/idempotency.js';
import { venueText } from '../../domain/agents/venue.js';
import type { ApplicantInput } from '../../domain/people/applicant.js';
import { checkApplicant } from '../../domain/people/credit-code.js';
import { replayOnUniqueViolation } from '../../db/portable.js';
import type { OrgLevel } from '../../db/schema.js';
import type { AppContext, Db } from '../../server/context.js';
import { placeToApplyFor } from '../agents/where-to-apply.js';
import { recordAudit } from '../audit/repo.js';
import type { Actor } from '../auth/actor.js';
import { presentItem } from '../catalog/presenter.js';
import { findItemOffered } from '../catalog/repo.js';
import { linkTicketToCase } from '../hall/link-case.js';
import { orgChain } from '../orgs/repo.js';
import { forbidden } from '../../server/errors.js';
import { viewerAt } from './access.js';
import { presentCase, type CaseView } from './presenter.js';
import * as repo from './repo.js';
import { runIntake } from './run-case-command.js';
import type { CreateCaseBody } from './schema.js';

/** The applicant as the domain checked and normalised them; a problem is answered 422 with its own code. */
function checkedApplicant(applicant: CreateCaseBody['applicant'], today: string) {
  const checked = checkApplicant(applicant, today);
  if (!checked.ok) throw new DomainError(checked.code, checked.error);
  return checked.value;
}

/** Refusals that send the applicant to another center: their message names it (rule 11). */
const PLACE_REFUSALS: readonly CaseRuleCode[] = ['IN_PERSON_REQUIRED', 'PROXY_NOT_ALLOWED', 'NOT_RECEIVABLE_HERE'];

/** The case number: center code, date, then the day's sequence at that center — unique, readable, sortable. */
const caseNumber = (orgCode: string, day: string, seq: number) => `${orgCode}-${day}-${String(seq).padStart(4, '0')}`;

/** A registration's outcome: a replay names the case the key already made; a new case comes with its answer. */
export type Registered = { caseId: string; replayed: true; view?: undefined } | { caseId: string; replayed: false; view: () => CaseView };

/**
 * 受理登记: registers a request the moment it is received. The domain decides the kind, first status and every other
 * consequence (openCase); the case pipeline writes the case, its first event and hops, then the idempotency key, in
 * ONE transaction.
 */
export async function registerCase(ctx: AppContext, actor: Actor, body: CreateCaseBody, idempotencyKey: string) {
  const now = ctx.clock();
  const applicant = checkedApplicant(body.applicant, localDate(now, ctx.config.timeZone));
  // The key answers with its case only for the same registration: the key sent again with another applicant or item
  // is refused (422), never answered with the first case while the second person goes unregistered.
  const fingerprint = requestFingerprint('POST /api/cases', body);
  const stored = (row: { case_id: string; fingerprint?: string | null } | undefined): Registered | undefined => {
    if (!row) return undefined;
    assertSameRequest(row.fingerprint, fingerprint);
    return { caseId: row.case_id, replayed: true };
  };
  // Two posts with one key at the same moment (a double tap, a retried request) both pass the replay check on
  // PostgreSQL; the later one's key insert then fails on the primary key and it answers with the first one's case.
  const replayed = async (): Promise<Registered | undefined> => stored(await repo.findIdempotent(ctx.database.db, actor.userId, idempotencyKey));
  return replayOnUniqueViolation<Registered>(() => ctx.database.db.transaction().execute(async (trx): Promise<Registered> => {
    const replay = stored(await repo.findIdempotent(trx, actor.userId, idempotencyKey));
    if (replay) return replay;
    const { id, org, written } = await openCaseIn(trx, actor, body, applicant, now);
    if (body.ticketId) await linkTicketToCase(trx, actor, body.ticketId, id, now);
    await repo.insertIdempotent(trx, actor.userId, idempotencyKey, id, fingerprint, now.toISOString());
    await recordAudit(trx, { at: now, userId: actor.userId, ip: actor.ip, action: 'case.register', targetType: 'case', targetId: id });
    // The answer is presented from what was just written, not read back (issue 8): the clerk's own center received
    // the case, and the case.register entry records that they saw it (as getCase's justRegistered). Presented by the
    // caller after the commit: on PostgreSQL the audit chain's head stays locked until then.
    // (pos, the order over all cases, is the database's to set; the answer does not show it)
    const events = written.events.map((e) => ({ ...e, pos: undefined, by_name: actor.name }));
    const view = () => presentCase(written.row, now, written.holderTime, viewerAt(actor, org, written.row), events, written.state);
    return { caseId: id, replayed: false, view };
  }), replayed);
}

/**
 * The intake core in the caller's transaction, shared by the window's registration and the acceptance of an online
 * application after its pre-review (`fromApplication`: the only way to a case of channel online): the clerk's
 * center, the item and the center's offering of it, the domain's decision (openCase), the case number, and the case
 * pipeline's writes. The caller records its own idempotency and audit.
 */
export async function openCaseIn(trx: Db, actor: Actor, body: CreateCaseBody, applicant: ApplicantInput, now: Date, fromApplication = false) {
  // the clerk's center with each above it (the deadline counts in their hours), and the item with the center's
  // offering of it: one query each
  const chain = await orgChain(trx, actor.orgId);
  const org = chain[0];
  if (!org) throw forbidden('办理办件');
  const channelProblem = channelRejection(body.channel, org.level, fromApplication);
  if (channelProblem) throw toDomainError(channelProblem);
  const found = await findItemOffered(trx, body.itemCode, org.id);
  if (!found || found.item.status !== 'active') {
    throw new DomainError('ITEM_NOT_FOUND', `没有编码为 ${body.itemCode} 的在用事项，请从事项目录中选择。`);
  }
  const { item: itemRow, offering } = found;
  const item = presentItem(itemRow);
  const acceptLevels = item.acceptLevels as OrgLevel[];
  // Rule 11: a refusal sends the applicant to a real place (center, window, address, hours), looked up only when
  // the answer needs it.
  const venue = () => placeToApplyFor(trx, org, { id: itemRow.id, window: item.window, acceptLevels });
  if (!offering && acceptLevels.includes(org.level)) {
    const place = await venue();
    throw new DomainError(
      'ITEM_NOT_OFFERED',
      `本中心未开办“${itemRow.name}”，不能在这里登记。${place ? `请引导群众到${venueText(place)}办理` : '请引导群众到开办该事项的中心'}，或请中心主任在“组织机构—可办事项”中开办。`,
    );
  }
  const request: IntakeRequest = {
    item: { ...item, acceptLevels },
    receivingLevel: org.level,
    channel: body.channel,
    materials: body.materials,
    proxy: body.proxy ?? null,
    windowId: offering?.window_id ?? null,
  };
  let opened = openCase(request, { now }, body.refusal);
  if (!opened.ok && PLACE_REFUSALS.includes(opened.code)) opened = openCase({ ...request, venue: await venue() }, { now }, body.refusal);
  if (!opened.ok) throw toDomainError(opened);
  if (!offering) throw new DomainError('ITEM_NOT_OFFERED', `本中心未开办“${itemRow.name}”，不能在这里登记。`);

  const day = localDate(now, org.time_zone).replaceAll('-', '');
  const id = randomUUID();
  const at = now.toISOString();
  const written = await runIntake(
    trx,
    {
      now,
      actor,
      chain,
      id,
      caseNo: async () => caseNumber(org.code, day, await repo.nextSequence(trx, org.id, day)),
      columns: {
        id,
        item_id: itemRow.id,
        item_code: itemRow.code,
        item_name: itemRow.name,
        channel: body.channel,
        receiving_org_id: org.id,
        first_responder_id: actor.userId,
        applicant_kind: applicant.kind,
        applicant_name: applicant.name,
        applicant_id_number: applicant.idNumber,
        applicant_phone: applicant.phone,
        applicant_address: applicant.address ?? null,
        created_at: at,
      },
    },
    opened,
  );
  return { id, org, written };
}
