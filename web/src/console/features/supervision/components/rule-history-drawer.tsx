import { Drawer, Empty, Timeline, Typography } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { formatDateTime } from '@/lib/format';
import { useRuleHistory, type SupervisionRule } from '../api/rules';

/** Every change of a rule: who, when, what changed and why. */
export function RuleHistoryDrawer({ rule, onClose }: { rule: SupervisionRule | null; onClose: () => void }) {
  const history = useRuleHistory(rule?.code ?? null);
  return (
    <Drawer open={rule !== null} onClose={onClose} title={rule ? `调整记录：${rule.number} ${rule.name}` : ''} size={520}>
      {history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data && history.data.changes.length === 0 ? (
        <Empty description="这条规则还没有调整过，一直按随系统提供的设置运行" />
      ) : (
        <Timeline
          items={(history.data?.changes ?? []).map((c) => ({
            key: c.id,
            children: (
              <div data-testid="rule-change">
                <Typography.Text strong>
                  {formatDateTime(c.at)} {c.by?.name ?? ''}
                </Typography.Text>
                {c.changes.map((x) => (
                  <div key={x.field}>
                    {x.label}：{x.from} → {x.to}
                  </div>
                ))}
                <Typography.Text type="secondary">理由：{c.reason}</Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
