import { Card, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import { usePrints } from '../api/prints';
import './notice.css';

/** 打印记录: every paper printed for the case — which, issued by whom, printed by whom and when — for the archive. */
export function PrintRecords({ caseId }: { caseId: string }) {
  const prints = usePrints(caseId);
  const rows = prints.data?.prints ?? [];
  return (
    <Card title="打印记录" size="small" style={{ marginBottom: 16 }} data-testid="print-records" loading={prints.isPending}>
      {prints.isError ? (
        <Typography.Text type="danger">打印记录加载失败，请刷新页面重试。</Typography.Text>
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">本件尚未打印过通知书。</Typography.Text>
      ) : (
        <ol className="print-records">
          {rows.map((r) => (
            <li key={r.id} data-testid="print-record">
              <div>
                <Link to="/cases/$id/prints/$printId" params={{ id: caseId, printId: r.id }}>
                  {r.paperName}
                </Link>
                <Typography.Text type="secondary"> · {r.issuerName ?? ''}出具</Typography.Text>
              </div>
              <Typography.Text type="secondary">
                {r.printedBy} 打印于 {formatDateTime(r.printedAt)}
              </Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
