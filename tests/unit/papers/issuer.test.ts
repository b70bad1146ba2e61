import { describe, expect, it } from 'vitest';
import { paperIssuer, type IssuerFacts } from '../../../src/domain/papers/issuer.js';
import { applicablePapers, extensionFacts, PAPER_KINDS, paperNotApplicable, type PaperEvent } from '../../../src/domain/papers/papers.js';

const VILLAGE = 'org-village';
const TOWNSHIP = 'org-township';
const COUNTY = 'org-county';

const ev = (type: string, orgId: string | null, at: string, extra: Partial<PaperEvent> = {}): PaperEvent => ({ type, orgId, at, by: `${type}-by`, ...extra });

/** A villager's request received by the agent, forwarded, received and accepted by the township. */
function forwardedAndAccepted(more: PaperEvent[] = [], patch: Partial<IssuerFacts> = {}): IssuerFacts {
  return {
    kind: 'promised',
    status: 'in_progress',
    acceptedAt: '2026-03-03T01:00:00Z',
    jointDepartments: [],
    receivingOrgId: VILLAGE,
    events: [
      ev('intake', VILLAGE, '2026-03-02T01:00:00Z', { toStatus: 'submitted' }),
      ev('forward', VILLAGE, '2026-03-02T02:00:00Z', { toStatus: 'submitted' }),
      ev('receive', TOWNSHIP, '2026-03-03T00:30:00Z', { toStatus: 'submitted' }),
      ev('accept', TOWNSHIP, '2026-03-03T01:00:00Z', { toStatus: 'in_progress', data: { dueAt: '2026-03-10T09:30:00Z' } }),
      ...more,
    ],
    ...patch,
  };
}

describe('rule 10: the paper is issued by the center that performed the act', () => {
  it('a village-forwarded case accepted by the township: the township issues the acceptance notice', () => {
    const issuer = paperIssuer('acceptance', forwardedAndAccepted());
    expect(issuer?.orgId).toBe(TOWNSHIP);
    expect(issuer?.event?.type).toBe('accept');
    expect(issuer?.handOverOrgId).toBeNull();
  });

  it('the one-time notice is issued by the center that sent it, the first notice and not a later defect request', () => {
    const c = forwardedAndAccepted(
      [
        ev('notify-supplement', TOWNSHIP, '2026-03-04T01:00:00Z', { toStatus: 'awaiting_supplement' }),
        ev('supplement', TOWNSHIP, '2026-03-05T01:00:00Z', { toStatus: 'in_progress' }),
        ev('notify-supplement', COUNTY, '2026-03-06T01:00:00Z', { toStatus: 'awaiting_supplement' }),
      ],
      { supplementNotice: { missing: ['居民户口簿'] } },
    );
    const issuer = paperIssuer('supplement', c);
    expect(issuer?.orgId).toBe(TOWNSHIP);
    expect(issuer?.event?.at).toBe('2026-03-04T01:00:00Z');
  });

  it('a return by the township is the township’s paper, handed over where the villager came in', () => {
    const c = forwardedAndAccepted([ev('return', TOWNSHIP, '2026-03-04T01:00:00Z', { toStatus: 'returned' })], { status: 'returned', refusal: { reasons: 'x', basis: 'y' } });
    expect(paperIssuer('return', c)).toMatchObject({ orgId: TOWNSHIP, handOverOrgId: VILLAGE });
  });

  it('escalated: the township issues the escalation notice, the county its decision; the result comes back to the village', () => {
    const base = forwardedAndAccepted([ev('escalate', TOWNSHIP, '2026-03-03T02:00:00Z'), ev('receive', COUNTY, '2026-03-04T01:00:00Z')], { kind: 'escalated' });
    expect(paperIssuer('escalation', base)).toMatchObject({ orgId: TOWNSHIP, handOverOrgId: VILLAGE });
    expect(paperIssuer('completion', base)).toBeNull();
    const done = { ...base, status: 'completed', outcome: 'denied', events: [...base.events, ev('complete', COUNTY, '2026-03-20T01:00:00Z', { toStatus: 'completed' })] };
    expect(paperIssuer('completion', done)).toMatchObject({ orgId: COUNTY, handOverOrgId: VILLAGE });
    // the acceptance notice stays the township's, whoever holds the case later
    expect(paperIssuer('acceptance', done)?.orgId).toBe(TOWNSHIP);
  });

  it('an approved extension is issued by the approving center, with the old and new due dates and the reason', () => {
    const c = forwardedAndAccepted([
      ev('request-extension', TOWNSHIP, '2026-03-05T01:00:00Z', { data: { reason: '需补充现场核查', days: 5 } }),
      ev('approve-extension', TOWNSHIP, '2026-03-05T02:00:00Z', { data: { dueAt: '2026-03-17T09:30:00Z' } }),
    ]);
    expect(paperIssuer('extension', c)?.orgId).toBe(TOWNSHIP);
    expect(extensionFacts(c)).toEqual({ reason: '需补充现场核查', days: 5, previousDueAt: '2026-03-10T09:30:00Z', dueAt: '2026-03-17T09:30:00Z' });
    expect(paperIssuer('extension', forwardedAndAccepted())).toBeNull();
  });

  it('a case received and accepted at the same window is that center’s paper; old events without a center fall back to it', () => {
    const c: IssuerFacts = {
      kind: 'immediate',
      status: 'in_progress',
      acceptedAt: '2026-03-02T01:00:00Z',
      jointDepartments: [],
      receivingOrgId: TOWNSHIP,
      events: [ev('intake', null, '2026-03-02T01:00:00Z', { toStatus: 'in_progress' })],
    };
    expect(paperIssuer('acceptance', c)).toMatchObject({ orgId: TOWNSHIP, event: { type: 'intake' } });
  });

  it('every paper that applies has an issuer, and none that does not', () => {
    const c = forwardedAndAccepted();
    for (const paper of PAPER_KINDS) {
      expect(paperIssuer(paper, c) === null).toBe(paperNotApplicable(paper, c) !== null);
    }
    expect(applicablePapers(c)).toEqual(['acceptance']);
  });

  it('a village case not yet accepted above has no acceptance or escalation notice', () => {
    const c: IssuerFacts = { ...forwardedAndAccepted(), kind: 'escalated', status: 'submitted', acceptedAt: null };
    expect(paperIssuer('acceptance', c)).toBeNull();
    expect(paperNotApplicable('escalation', c)).toContain('尚未受理');
  });
});
