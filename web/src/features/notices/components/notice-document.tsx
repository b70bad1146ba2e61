import { formatDate, formatSessions } from '@/lib/format';
import { centerTitle } from '@/lib/levels';
import type { NoticeCase } from '../api/get-case';
import type { Center } from '../api/get-centers';
import type { ItemFacts } from '../api/get-item-facts';
import { noticeEvent, noticeTitle, type NoticeType } from '@/lib/notices';
import { NoticeBody } from './notice-body';
import { ProgressQr } from './progress-qr';
import './notice.css';

interface NoticeDocumentProps {
  type: NoticeType;
  c: NoticeCase;
  /** the receiving center (it issues every notice and hands over the result) */
  center: Center | undefined;
  item: ItemFacts | undefined;
  countyName: string;
}

/**
 * One notice on one A4 sheet: the center's full name, the title and number, the applicant, the wording,
 * the responsible person and the center's contacts, the QR code to the progress page, the seal and the date.
 */
export function NoticeDocument({ type, c, center, item, countyName }: NoticeDocumentProps) {
  const centerName = center ? centerTitle(center) : '便民服务中心';
  const event = noticeEvent(type, c);
  const date = formatDate(event?.at ?? c.acceptedAt);
  const hours = center?.officeHours?.sessions.length ? formatSessions(center.officeHours.sessions) : null;
  return (
    <article className="notice-sheet" data-notice={type}>
      <header className="notice-head">
        <div className="notice-center">{centerName}</div>
        <h1 className="notice-title">{noticeTitle(type, c)}</h1>
        <div className="notice-no">编号：{c.caseNo}</div>
      </header>

      <p className="notice-salutation">{c.applicant.name}：</p>
      <NoticeBody type={type} c={c} item={item} centerName={centerName} officeHours={hours} countyName={countyName} />
      <p className="notice-p">特此通知。</p>

      <table className="notice-contact">
        <tbody>
          <tr>
            <th>经办人</th>
            <td>{event?.by ?? ''}</td>
            <th>联系电话</th>
            <td>{center?.phone || <span className="notice-blank" />}</td>
          </tr>
          <tr>
            <th>办公地址</th>
            <td colSpan={3}>{center?.address || <span className="notice-blank" />}</td>
          </tr>
          {hours && (
            <tr>
              <th>办公时间</th>
              <td colSpan={3}>工作日 {hours}（法定节假日除外）</td>
            </tr>
          )}
        </tbody>
      </table>

      <div className="notice-bottom">
        <ProgressQr caseNo={c.caseNo} />
        <div className="notice-sign">
          <div className="notice-seal-ring" aria-hidden="true" />
          <div>{centerName}</div>
          <div className="notice-seal">（盖章）</div>
          <div>{date}</div>
        </div>
      </div>

      <footer className="notice-foot">
        <div>
          申请人签收：<span className="notice-blank" /> 签收日期：<span className="notice-blank short" />年
          <span className="notice-blank tiny" />月<span className="notice-blank tiny" />日
        </div>
        <div className="notice-copies">本通知书一式两份，申请人和本中心各执一份。</div>
      </footer>
    </article>
  );
}
