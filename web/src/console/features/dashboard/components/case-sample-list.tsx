import { Empty, List, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { atCenter } from '@/lib/format';
import type { CaseSample } from '../api/get-dashboard';
import type { LedgerLinkSearch } from '../api/ledger-search';
import { OUTCOME_NAMES } from '@domain/vocabulary/outcomes';
import { LightDot } from './count-link';

/**
 * What the right of a row says: for a case still running its due time as the server's stored light reads it (the
 * browser's own clock may be off: red is past it); for one finished or returned, how it ended — a closed case has
 * no deadline left to show.
 */
const endText = (c: CaseSample['cases'][number]) => {
  if (c.status === 'returned' || c.status === 'withdrawn') return c.statusName;
  if (c.outcome) return `${OUTCOME_NAMES[c.outcome]}（${c.statusName}）`;
  if (!c.dueAt) return '未计时';
  const due = atCenter(c.dueAt).format('M月D日 HH:mm');
  return c.light === 'red' ? `已超期（${due} 到期）` : `${due} 到期`;
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
          // two lines: the number and how it stands, then what and whose — readable in a card a third of the screen wide
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
              <LightDot light={c.light} />
              <Link to="/cases/$id" params={{ id: c.id }} style={{ whiteSpace: 'nowrap' }}>
                {c.caseNo}
              </Link>
              <Typography.Text type={c.light === 'red' ? 'danger' : 'secondary'} style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
                {endText(c)}
              </Typography.Text>
            </div>
            <Typography.Text ellipsis style={{ display: 'block', paddingInlineStart: 18 }}>
              {c.itemName} · {c.applicant.name}
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
