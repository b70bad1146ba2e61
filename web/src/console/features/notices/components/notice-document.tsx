import type { Paper } from '../api/get-paper';
import { NoticeDocument as Sheet } from '@shared/notices/notice-document';
import { RatingQr } from '@/components/evaluation/rating-qr';
import './notice.css';

/**
 * The console's notice: the one shared sheet (web/src/shared/notices, also the applicant's 我的办件), with the
 * rating QR code (好差评) beside the progress code on the completion notice.
 */
export function NoticeDocument({ p }: { p: Paper }) {
  return <Sheet p={p} beside={p.paper === 'completion' ? <RatingQr caseId={p.case.id} /> : null} />;
}
