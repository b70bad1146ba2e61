import { Alert } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { DossierSummary } from '../api/archive';

/** The last 完整性检测: passed, or what did not match and what to do. */
export function CheckResult({ d }: { d: DossierSummary }) {
  if (!d.check) return null;
  const { at, ok, problems } = d.check;
  return ok ? (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="check-result"
      title="完整性检测通过"
      description={`${formatDateTime(at)} 检测：件数、字节数和每个文件的 SHA-256 与归档登记一致。`}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="check-result"
      title="完整性检测不一致"
      description={
        <>
          <div>{formatDateTime(at)} 检测发现以下问题，请将本卷情况报告档案管理人员，从备份中恢复后重新检测：</div>
          <ul style={{ paddingInlineStart: 18, margin: '4px 0 0' }} data-testid="check-problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}
