import { formatDateTime } from '@/lib/format';
import { centerTitle } from '@/lib/levels';
import type { Batch } from '../api/batch-schema';
import './batch-sheet.css';

const DateBlank = () => (
  <>
    <span className="batch-blank short" />年<span className="batch-blank tiny" />月<span className="batch-blank tiny" />日
  </>
);

/**
 * The printed 报送清单 (only on paper): the cases and the materials handed over, signed by the agent who hands
 * them over and the township clerk who receives them. One copy stays at the village, one at the township.
 */
export function BatchSheet({ batch }: { batch: Batch }) {
  const village = centerTitle({ name: batch.villageName, level: 'village' });
  const township = centerTitle({ name: batch.townshipName, level: 'township' });
  const materials = batch.cases.reduce((n, c) => n + c.materials.length, 0);
  return (
    <article className="batch-sheet">
      <h1 className="batch-sheet-title">村级代办事项报送清单</h1>
      <div className="batch-sheet-no">批次号：{batch.batchNo}</div>
      <table className="batch-sheet-meta">
        <tbody>
          <tr>
            <th>报送单位</th>
            <td>{village}</td>
            <th>接收单位</th>
            <td>{township}</td>
          </tr>
          <tr>
            <th>报送时间</th>
            <td>{formatDateTime(batch.sentAt)}</td>
            <th>办件数量</th>
            <td>
              {batch.cases.length} 件，材料 {materials} 份
            </td>
          </tr>
        </tbody>
      </table>

      <table className="batch-sheet-table">
        <thead>
          <tr>
            <th className="center" style={{ width: '11mm' }}>
              序号
            </th>
            <th style={{ width: '38mm' }}>办件编号</th>
            <th>办理事项</th>
            <th style={{ width: '17mm' }}>申请人</th>
            <th style={{ width: '62mm' }}>移交材料</th>
            <th style={{ width: '14mm' }}>备注</th>
          </tr>
        </thead>
        <tbody>
          {batch.cases.map((c, i) => (
            <tr key={c.id}>
              <td className="center">{i + 1}</td>
              <td className="nowrap">{c.caseNo}</td>
              <td>{c.itemName}</td>
              <td>{c.applicantName}</td>
              <td>
                {c.materials.length === 0
                  ? '无'
                  : c.materials.map((m, j) => (
                      <div key={m}>
                        {j + 1}. {m}
                      </div>
                    ))}
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>

      <div className="batch-sheet-sign">
        <div>
          <div>
            移交人（签字）：<span className="batch-blank" />
          </div>
          <div>
            日期：<DateBlank />
          </div>
        </div>
        <div>
          <div>
            接收人（签字）：<span className="batch-blank" />
          </div>
          <div>
            日期：<DateBlank />
          </div>
        </div>
      </div>

      <footer className="batch-sheet-foot">
        <div>
          系统记录：{batch.sentBy}于{formatDateTime(batch.sentAt)}报送
          {batch.receivedAt ? `；${batch.receivedBy ?? ''}于${formatDateTime(batch.receivedAt)}接收` : '；尚未接收'}。
        </div>
        <div>本清单一式两份，{village}和{township}各执一份。接收时请逐件核对纸质材料。</div>
      </footer>
    </article>
  );
}
