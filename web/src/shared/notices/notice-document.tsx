import type { ReactNode } from 'react';
import type { Paper } from '@domain/contract/papers';
import { NoticeBody } from './notice-body';
import { ProgressQr } from './progress-qr';
import { centerTitle, formatDate, formatSessions } from './text';
import '../a4-sheet.css';
import './notice.css';

/**
 * One paper on one A4 sheet, issued by the center that performed the act it records (rule 10): that center's name
 * as heading and seal, the title and number, the applicant, the wording, the responsible person, that center's
 * contacts and the county's supervision phone, the QR code to the public progress page, and the date.
 * One renderer for the console (print, print records) and the applicant's 我的办件 (web/src/shared: no antd, no
 * console libraries); `beside` is what an app adds next to the progress code (the console's rating code).
 */
export function NoticeDocument({ p, beside }: { p: Paper; beside?: ReactNode }) {
  const issuer = centerTitle(p.issuer);
  const date = formatDate(p.event?.at ?? p.case.acceptedAt);
  const hours = p.issuer.officeHours?.sessions.length ? formatSessions(p.issuer.officeHours.sessions) : null;
  return (
    <article className="a4-sheet notice-sheet" data-notice={p.paper} data-issuer={p.issuer.id}>
      <header className="notice-head">
        <div className="notice-center">{issuer}</div>
        <h1 className="notice-title">{p.title}</h1>
        <div className="notice-no">编号：{p.case.caseNo}</div>
      </header>

      <p className="notice-salutation">{p.case.applicant.name}：</p>
      <NoticeBody p={p} />
      <p className="notice-p">特此通知。</p>

      <table className="notice-contact" data-testid="notice-contact">
        <tbody>
          <tr>
            <th>经办人</th>
            <td>{p.event?.by ?? ''}</td>
            <th>联系电话</th>
            <td>{p.issuer.phone || <span className="notice-blank" />}</td>
          </tr>
          <tr>
            <th>办公地址</th>
            <td colSpan={3}>{p.issuer.address || <span className="notice-blank" />}</td>
          </tr>
          {hours && (
            <tr>
              <th>办公时间</th>
              <td colSpan={3}>工作日 {hours}（法定节假日除外）</td>
            </tr>
          )}
          {p.supervisionPhone && (
            <tr>
              <th>监督电话</th>
              <td colSpan={3}>
                {p.supervisionPhone}（{p.levelNames.county}政务服务中心，对办理过程有意见或投诉请拨打）
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <div className="notice-bottom">
        <ProgressQr url={p.progressUrl} caseNo={p.case.caseNo} phone={p.issuer.phone} />
        {beside}
        <div className="notice-sign">
          <div className="notice-seal-ring" aria-hidden="true" />
          <div>{issuer}</div>
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
