import { formatDate, formatDateTime } from '@/lib/format';
import { CARD_COLOUR_NAMES, CARD_LEVEL_NAMES } from '@domain/supervision/cards';
import type { CardPaper } from '../api/cards';
import '@shared/a4-sheet.css';
import './card-sheet.css';

/**
 * One 督办单 on one A4 sheet: the issuing body, the card number and colour, the center supervised, the case or the
 * violation (rule number, name and the facts that fired it), 督办内容, the reply date, the center's answer (or room
 * to write it), and signature lines for both sides.
 */
export function CardSheet({ p }: { p: CardPaper }) {
  const c = p.card;
  return (
    <article className="a4-sheet card-sheet" data-testid="card-sheet" data-level={c.level}>
      <header className="card-sheet-head">
        <div className="card-sheet-issuer">{p.issuer.name}便民服务电子监察</div>
        <h1 className={`card-sheet-title ${c.level}`}>{CARD_COLOUR_NAMES[c.level]}督办单</h1>
        <div className="card-sheet-no">
          <span>级别：{CARD_LEVEL_NAMES[c.level]}</span>
          <span>{c.cardNo}</span>
        </div>
      </header>

      <table className="card-sheet-table">
        <tbody>
          <tr>
            <th>被督办机构</th>
            <td colSpan={3}>{p.center.centerName}</td>
          </tr>
          <tr>
            <th>督办发出时间</th>
            <td>{formatDateTime(c.issuedAt)}</td>
            <th>回告期限</th>
            <td>{formatDate(c.replyBy)}前</td>
          </tr>
          {p.case && (
            <tr>
              <th>办件</th>
              <td colSpan={3}>
                {`${p.case.caseNo}\u3000${p.case.itemName}\u3000申请人：${p.case.applicantName}`}
                <br />
                状态：{p.case.statusName}
                {p.case.acceptedAt && `\u3000受理：${formatDateTime(p.case.acceptedAt)}`}
                {p.case.dueAt && `\u3000承诺办结：${formatDateTime(p.case.dueAt)}`}
              </td>
            </tr>
          )}
          {p.violation && (
            <tr>
              <th>监察规则</th>
              <td colSpan={3}>
                {p.violation.ruleNumber} {p.violation.ruleName}（发生于 {formatDateTime(p.violation.at)}）
                {p.violation.facts.length > 0 && (
                  <ul className="card-sheet-facts">
                    {p.violation.facts.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          )}
          <tr>
            <th>督办内容</th>
            <td colSpan={3}>
              <div className="card-sheet-text">{c.content}</div>
            </td>
          </tr>
          <tr>
            <th>回告情况</th>
            <td colSpan={3}>
              <div className="card-sheet-reply">{c.reply ? c.reply.content : ''}</div>
              {c.reply && (
                <div>
                  {`回告人：${c.reply.byName}\u3000回告时间：`}{formatDateTime(c.reply.at)}
                  {c.reply.late ? '（逾期回告）' : ''}
                </div>
              )}
            </td>
          </tr>
          <tr>
            <th>销号意见</th>
            <td colSpan={3}>
              {c.closedAt ? `已于 ${formatDateTime(c.closedAt)} 销号（${c.closedByName ?? ''}）。${c.events.findLast((e) => e.action === 'close')?.text ?? ''}` : <div style={{ minHeight: '14mm' }} />}
            </td>
          </tr>
        </tbody>
      </table>

      <div className="card-sheet-signs">
        <div className="card-sheet-sign">
          <div>督办机构：{p.issuer.name}</div>
          <div>
            纪检监察员（签字）：<span className="card-sheet-blank" />
          </div>
          <div>日期：{formatDate(c.issuedAt)}</div>
        </div>
        <div className="card-sheet-sign">
          <div>被督办机构：{p.center.centerName}</div>
          <div>
            主任（签字）：<span className="card-sheet-blank" />
          </div>
          <div>
            日期：<span className="card-sheet-blank" />
          </div>
        </div>
      </div>

      <footer className="card-sheet-foot">
        请于回告期限前在系统中回告并将本单签字后留存。{p.supervisionPhone ? `监督电话：${p.supervisionPhone}。` : ''}本单一式两份，督办机构和被督办机构各执一份。
      </footer>
    </article>
  );
}
