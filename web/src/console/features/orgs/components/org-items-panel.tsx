import { Alert, App, Button, Space, Spin, Transfer } from 'antd';
import { useMemo, useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useLevelNames } from '@/lib/auth';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { levelLabel, type Level } from '@/lib/levels';
import { offeringProblem } from '@domain/catalog/offering';
import type { SearchKeys } from '@domain/catalog/match';
import { itemMatches } from '@/lib/item-option-search';
import type { Org } from '../api/get-orgs';
import { useOrgItems, useSetOrgItems } from '../api/org-items';

export interface OfferableItem {
  code: string;
  name: string;
  category: string;
  acceptLevels: Level[];
  status: string;
  aliases?: readonly string[];
  pinyin?: readonly SearchKeys[];
}

interface Props {
  org: Org;
  items: OfferableItem[];
  itemsLoading: boolean;
  canEdit: boolean;
}

/** 可办事项: which published items this center receives; only items its level may receive are offered. */
export function OrgItemsPanel({ org, items, itemsLoading, canEdit }: Props) {
  const offered = useOrgItems(org.id);
  if (offered.isError) return <QueryError error={offered.error} onRetry={() => void offered.refetch()} />;
  if (offered.isPending || itemsLoading) return <Spin />;
  return <OfferingEditor key={org.id + offered.dataUpdatedAt} org={org} items={items} initial={offered.data.itemCodes} canEdit={canEdit} />;
}

function OfferingEditor({ org, items, initial, canEdit }: { org: Org; items: OfferableItem[]; initial: string[]; canEdit: boolean }) {
  const names = useLevelNames();
  const save = useSetOrgItems();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const eligible = useMemo(() => items.filter((i) => i.status === 'active' && offeringProblem(i, org.level, names[org.level]) === null), [items, org.level, names]);
  const eligibleCodes = new Set(eligible.map((i) => i.code));
  const dropped = initial.filter((c) => !eligibleCodes.has(c));
  const [target, setTarget] = useState<string[]>(initial.filter((c) => eligibleCodes.has(c)));
  const dirty = dropped.length > 0 || target.length !== initial.length || target.some((c) => !initial.includes(c));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={`共有 ${eligible.length} 个事项允许在${levelLabel(org.level, names)}受理，本中心已开办 ${target.length} 个。`}
        description="群众只能在开办了该事项的中心办理；事项会自动分到与其受理窗口同名的窗口。"
      />
      {dropped.length > 0 && (
        <Alert type="warning" showIcon title={`有 ${dropped.length} 个原开办事项已停用或不允许在本级受理（${dropped.join('、')}），保存时将移除。`} />
      )}
      <Transfer
        dataSource={eligible.map((i) => ({ key: i.code, title: i.name, description: `${i.code} · ${i.category}`, item: i }))}
        targetKeys={target}
        onChange={(keys) => setTarget(keys.map(String))}
        render={(row) => `${row.title}（${row.description}）`}
        showSearch={{ placeholder: '搜索事项名称、俗称、编码或拼音' }}
        filterOption={(input, row) => itemMatches(row.item, input) || row.item.category.includes(input.trim())}
        titles={['未开办事项', '本中心可办事项']}
        disabled={!canEdit}
        styles={{ section: { flex: 1, minWidth: 0, height: 420 } }}
        locale={{ itemUnit: '项', itemsUnit: '项', notFoundContent: '没有事项' }}
      />
      {canEdit && (
        <Space>
          <Button
            type="primary"
            disabled={!dirty}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { orgId: org.id, itemCodes: target },
                { onSuccess: () => message.success('可办事项已保存。'), onError: (e) => showError(e) },
              )
            }
          >
            保存可办事项
          </Button>
          <Button disabled={!dirty || save.isPending} onClick={() => setTarget(initial.filter((c) => eligibleCodes.has(c)))}>
            撤销修改
          </Button>
        </Space>
      )}
    </Space>
  );
}
