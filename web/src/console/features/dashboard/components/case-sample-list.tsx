import { Empty, List, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import type { CaseSample } from '../api/get-dashboard';
import type { LedgerLinkSearch } from '../api/ledger-search';
import { LightDot } from './count-link';

/** The due time as the server's stored light reads it (the browser's own clock may be off): red is past it. */
const dueText = (dueAt: string | null, light: string | null) => {
  if (!dueAt) return '未计时';
  const due = dayjs(dueAt).format('M月D日 HH:mm');
  return light === 'red' ? `已超期（${due} 到期）` : `${due} 到期`;
};

/**
 * The first few cases of a list (a List, not a table: the work lists below keep their own table rows), each
 * opening its case page, and a link to all of them in the ledger.
 */
export function CaseSampleList({ sample, search, empty, testId }: { sample: CaseSample; search: LedgerLinkSearch; empty: string; testId?: string }) {
  if (sample.total === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />;
  return (
    <div data-testid={testId}>
      <List
        size="small"
        dataSource={sample.cases}
        renderItem={(c) => (
          <List.Item style={{ gap: 10, justifyContent: 'flex-start' }}>
            <LightDot light={c.light} />
            <Link to="/cases/$id" params={{ id: c.id }} style={{ whiteSpace: 'nowrap' }}>
              {c.caseNo}
            </Link>
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
              {c.itemName} · {c.applicant.name}
            </Typography.Text>
            <Typography.Text type={c.light === 'red' ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
              {dueText(c.dueAt, c.light)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {sample.total > sample.cases.length && (
        <div style={{ textAlign: 'right', marginTop: 4 }}>
          <Link to="/cases" search={search}>
            查看全部 {sample.total} 件
          </Link>
        </div>
      )}
    </div>
  );
}
