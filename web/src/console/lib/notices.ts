/**
 * Which printed papers (DOMAIN.md "Printed notices") apply to a case, their names and titles, and the event each
 * records: the server's own rules (src/domain/papers), bundled, so the case page's print buttons, the notice page
 * and the print records always agree.
 */
export {
  applicablePapers as applicableNotices,
  isPaperKind as isNoticeType,
  PAPER_KINDS as NOTICE_TYPES,
  PAPER_LABELS as NOTICE_LABELS,
  paperEvent as noticeEvent,
  paperNotApplicable as notApplicable,
  paperTitle as noticeTitle,
  PROVISIONAL_MARK,
  REMEDIES_TEXT,
  type PaperEvent as NoticeEvent,
  type PaperFacts as NoticeFacts,
  type PaperKind as NoticeType,
} from '@domain/papers/papers';
export { checkPublicUrl, progressUrlAt } from '@domain/papers/public-url';

export const DELIVERY_NAMES: Record<'window' | 'mail' | 'agent', string> = {
  window: '窗口领取',
  mail: '邮寄送达',
  agent: '由村代办员送达',
};
