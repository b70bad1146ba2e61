import { formatDate, formatDateTime } from '@/lib/format';
import type { HandoverPaper } from '../api/petitions';
import '@shared/a4-sheet.css';
import './petition-sheet.css';

/**
 * One 信访事项交办单 on one A4 sheet: the center, the numbers, the petitioner and the issue (as registered), the
 * leader's reception and decision, what is handed over to which department and by when to reply, room for the
 * department's reply (or the reply registered), and signature lines.
 */
export function HandoverSheet({ p }: { p: HandoverPaper }) {
  const { petition: x, handover: h } = p;
  return (
    <article className="a4-sheet petition-sheet" data-testid="handover-sheet">
      <header className="petition-sheet-head">
        <div className="petition-sheet-issuer">{p.center.centerName}</div>
        <h1 className="petition-sheet-title">信访事项交办单</h1>
        <div className="petition-sheet-no">
          <span>信访编号：{x.petitionNo}</span>
          <span>{h.handoverNo}</span>
        </div>
      </header>
      <table className="petition-sheet-table">
        <tbody>
          <tr>
            <th>信访人</th>
            <td>
              {x.name}
              {x.sex && `，${x.sex === 'male' ? '男' : '女'}`}
              {x.age !== null && `，${x.age}岁`}
              {x.occupation && `，${x.occupation}`}
            </td>
            <th>联系电话</th>
            <td>{x.phone ?? '—'}</td>
          </tr>
          <tr>
            <th>住址或单位</th>
            <td colSpan={3}>{x.address ?? '—'}</td>
          </tr>
          <tr>
            <th>来访时间</th>
            <td>
              {formatDateTime(x.receivedAt).slice(0, -3)}时（{x.channelName}）
            </td>
            <th>人数</th>
            <td>
              {x.persons} 人{x.group && '（集体访）'}
            </td>
          </tr>
          {x.group && x.representatives.length > 0 && (
            <tr>
              <th>代表</th>
              <td colSpan={3}>{x.representatives.map((r) => `${r.name}${r.phone ? `（${r.phone}）` : ''}`).join('、')}</td>
            </tr>
          )}
          <tr>
            <th>反映问题</th>
            <td colSpan={3} className="petition-sheet-text">
              {x.issue}
            </td>
          </tr>
          {p.receptions.length > 0 && (
            <tr>
              <th>领导接待</th>
              <td colSpan={3} className="petition-sheet-text">
                {p.receptions.map((r) => `${formatDate(r.receivedOn)} ${r.leaderName}：${r.decision}`).join('\n')}
              </td>
            </tr>
          )}
          <tr>
            <th>责任部门</th>
            <td>{h.department}</td>
            <th>回复期限</th>
            <td data-testid="handover-reply-by">{formatDate(h.replyBy)}前</td>
          </tr>
          <tr>
            <th>交办内容</th>
            <td colSpan={3} className="petition-sheet-text">
              {h.content}
            </td>
          </tr>
          <tr>
            <th>办理结果</th>
            <td colSpan={3} className="petition-sheet-reply">
              {h.reply ?? ''}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="petition-sheet-signs">
        <div className="petition-sheet-sign">
          交办人：{h.handedByName}
          <br />
          交办日期：{formatDate(h.handedAt)}
        </div>
        <div className="petition-sheet-sign">
          责任部门签收：<span className="petition-sheet-blank" />
          <br />
          签收日期：<span className="petition-sheet-blank" />
        </div>
      </div>
      <div className="petition-sheet-foot">请于回复期限前将办理结果书面回复{p.center.centerName}{p.center.phone ? `（电话 ${p.center.phone}）` : ''}。本单一式两联，中心留存一联。</div>
    </article>
  );
}
