/**
 * Rule 10, the right issuer: every paper is issued by the center whose staff performed the act it records — the
 * township that accepted a village-forwarded case issues the acceptance notice, the county its own decision, the
 * center that sent the one-time notice that notice. Pure; the console, the agent app and the print records use it.
 */
import { paperEvent, paperNotApplicable, type PaperEvent, type PaperFacts, type PaperKind } from './papers.js';

export interface IssuerFacts<E extends PaperEvent = PaperEvent> extends PaperFacts<E> {
  /** where the applicant came in: results and returned materials go back there */
  receivingOrgId: string;
}

export interface PaperIssuer<E extends PaperEvent = PaperEvent> {
  /** the center that issues (heads, seals and answers for) the paper */
  orgId: string;
  /** the act the paper records: its date and responsible person */
  event: E | undefined;
  /**
   * where the applicant collects the result or the returned materials: the receiving center (a village's case
   * comes back to the village and its agent hands it over, rule 9). Null for papers that hand nothing over.
   */
  handOverOrgId: string | null;
}

const HANDS_OVER: readonly PaperKind[] = ['escalation', 'completion', 'return'];

/** Who issues this paper of this case, or null when the paper does not apply (see `paperNotApplicable`). */
export function paperIssuer<E extends PaperEvent>(paper: PaperKind, c: IssuerFacts<E>): PaperIssuer<E> | null {
  if (paperNotApplicable(paper, c) !== null) return null;
  const event = paperEvent(paper, c);
  // Events written before rule 10 may lack the center; the receiving center issued everything then.
  return {
    orgId: event?.orgId ?? c.receivingOrgId,
    event,
    handOverOrgId: HANDS_OVER.includes(paper) ? c.receivingOrgId : null,
  };
}
