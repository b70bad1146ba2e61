import { Button, Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTopRules } from '../api/top-rules';

/**
 * 本月触发最多的监察规则 of the tree below `orgId` (the monthly report's own count of this month), each opening the
 * 监察记录 of that rule; and the way to the full monthly report.
 */
export function TopRulesCard({ orgId, month }: { orgId: string; month: string }) {
  const report = useTopRules(orgId, month);
  const rules = report.data?.slice(0, 5) ?? [];
  const max = Math.max(1, ...rules.map((r) => r.count));
  return (
    <Card
      title="本月触发最多的监察规则"
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="top-rules"
      extra={
        <Link to="/supervision/report" search={{ orgId }}>
          <Button type="link" size="small">
            监察月报
          </Button>
        </Link>
      }
    >
      {report.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : report.isError ? (
        <Typography.Text type="secondary">监察数据暂不可用</Typography.Text>
      ) : rules.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本月尚无监察记录" />
      ) : (
        <List
          size="small"
          dataSource={rules}
          renderItem={(r) => (
            <List.Item key={r.ruleCode} style={{ paddingInline: 0 }}>
              <Link to="/supervision/violations" search={{ ruleCode: r.ruleCode, month }} style={{ flex: 1, minWidth: 0 }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <span>
                    {r.ruleNumber} {r.name}
                  </span>
                  <strong>{r.count} 次</strong>
                </div>
                <div style={{ height: 6, marginTop: 4, background: '#f0f0f0', borderRadius: 3 }} aria-hidden>
                  <div style={{ height: 6, width: `${(r.count / max) * 100}%`, background: '#cf1322', borderRadius: 3 }} />
                </div>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
