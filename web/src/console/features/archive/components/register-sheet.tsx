import { formatBytes, formatDate, formatDateTime } from '@/lib/format';
import type { Dossier } from '../api/archive';
import { keepUntilText } from './text';
import '@shared/a4-sheet.css';
import './register-sheet.css';

/**
 * 归档登记表 on A4: the dossier's figures as filed (档号, 全宗, 年度, 保管期限, 件数, 字节数, the manifest's SHA-256),
 * its 卷内目录, and the lines the one handing it over and the one receiving it sign.
 */
export function RegisterSheet({ d }: { d: Dossier }) {
  return (
    <article className="a4-sheet register-sheet" data-testid="register-sheet">
      <header className="register-sheet-head">
        <div className="register-sheet-org">{d.orgName}</div>
        <h1 className="register-sheet-title">归档登记表</h1>
        <div className="register-sheet-no">
          <span>档号：{d.archiveNo}</span>
          <span>{d.year}年度</span>
        </div>
      </header>

      <table className="register-sheet-table">
        <tbody>
          <tr>
            <th>全宗/机构</th>
            <td>{d.orgName}</td>
            <th>年度</th>
            <td>{d.year}</td>
          </tr>
          <tr>
            <th>办件编号</th>
            <td>{d.caseNo}</td>
            <th>申请人</th>
            <td>{d.applicantName}</td>
          </tr>
          <tr>
            <th>事项</th>
            <td colSpan={3}>{d.itemName}</td>
          </tr>
          <tr>
            <th>保管期限</th>
            <td>{d.periodName}</td>
            <th>保管至</th>
            <td>{keepUntilText(d.keepUntil)}</td>
          </tr>
          <tr>
            <th>办结时间</th>
            <td>{formatDateTime(d.finishedAt)}</td>
            <th>归档时间</th>
            <td>{formatDateTime(d.archivedAt)}</td>
          </tr>
          <tr>
            <th>立卷人</th>
            <td>{d.archivedByName}</td>
            <th>件数</th>
            <td>{d.fileCount} 件</td>
          </tr>
          <tr>
            <th>总字节</th>
            <td colSpan={3}>
              {d.totalBytes.toLocaleString('zh-CN')} 字节（{formatBytes(d.totalBytes)}）
            </td>
          </tr>
          <tr>
            <th>清单 SHA-256</th>
            <td colSpan={3} className="register-sheet-hash">
              {d.manifestSha256}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 className="register-sheet-subtitle">卷内目录</h2>
      <table className="register-sheet-list">
        <thead>
          <tr>
            <th>序号</th>
            <th>部分</th>
            <th>文件题名</th>
            <th>时间</th>
            <th>责任者</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {d.entries.map((e) => (
            <tr key={e.seq}>
              <td className="register-sheet-seq">{e.seq}</td>
              <td>{e.partName}</td>
              <td>
                {e.title}
                {e.file ? `（${e.file.name}）` : ''}
              </td>
              <td>{e.at ? formatDate(e.at) : ''}</td>
              <td>{e.byName ?? ''}</td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="register-sheet-signs">
        <div>
          移交人（签字）：<span className="register-sheet-blank" />
        </div>
        <div>
          接收人（签字）：<span className="register-sheet-blank" />
        </div>
        <div>
          日期：<span className="register-sheet-blank" />
        </div>
      </div>
    </article>
  );
}
