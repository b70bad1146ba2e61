import { Card } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { can } from '@/lib/authorization';
import { useSupervisionRules, type SupervisionRule } from '@/features/supervision/api/rules';
import { RuleEditModal } from '@/features/supervision/components/rule-edit-modal';
import { RuleHistoryDrawer } from '@/features/supervision/components/rule-history-drawer';
import { RulesTable } from '@/features/supervision/components/rules-table';

/** The supervision rules as data: everyone who follows violations reads them; the system administrator adjusts them. */
export function SupervisionRulesPage() {
  const me = useMe();
  const rules = useSupervisionRules();
  const [editing, setEditing] = useState<SupervisionRule | null>(null);
  const [history, setHistory] = useState<SupervisionRule | null>(null);
  return (
    <>
      <PageHeader
        title="监察规则"
        description="电子监察按这些规则检查每一件办件：规则编号按 GB/T 39046 表11 的监察规则编号；停用、调整参数须写明理由，调整记录长期保存"
      />
      <Card>
        {rules.isError ? (
          <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
        ) : (
          <RulesTable rules={rules.data?.rules ?? []} loading={rules.isPending} canEdit={can(me.user.roles, 'supervision.rules')} onEdit={setEditing} onHistory={setHistory} />
        )}
      </Card>
      <RuleEditModal rule={editing} onClose={() => setEditing(null)} />
      <RuleHistoryDrawer rule={history} onClose={() => setHistory(null)} />
    </>
  );
}
