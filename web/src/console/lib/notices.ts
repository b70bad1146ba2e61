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
  PROVISIONAL_MARK,
  REMEDIES_TEXT,
  type PaperKind as NoticeType,
} from '@domain/papers/papers';
export { checkPublicUrl } from '@domain/papers/public-url';
