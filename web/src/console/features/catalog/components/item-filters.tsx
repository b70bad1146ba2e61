import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useLevelNames } from '@/lib/auth';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { levelOptions } from '@/lib/levels';
import { useFacets } from '../api/get-facets';
import { ITEM_FIELD_LABELS as L } from '../api/item-schema';
import type { ItemFilter } from '../api/get-items';

const STATUS_OPTIONS = [
  { value: 'active', label: '在用事项' },
  { value: 'retired', label: '已停用' },
  { value: 'all', label: '全部状态' },
] as const;

interface Props {
  value: ItemFilter;
  onChange: (next: ItemFilter) => void;
}

/** Search box and the four filters of the catalog list; typing searches as you go. */
export function ItemFilters({ value, onChange }: Props) {
  const names = useLevelNames();
  const facets = useFacets();
  const [q, setQ] = useState(value.q ?? '');
  const debouncedQ = useDebouncedValue(q, 300);

  useEffect(() => {
    if ((debouncedQ.trim() || undefined) !== value.q) onChange({ ...value, q: debouncedQ.trim() || undefined });
    // Only the typed text drives this effect; the other filters change through onChange directly.
  }, [debouncedQ]);

  const toOptions = (list: readonly string[] | undefined) => (list ?? []).map((v) => ({ value: v, label: v }));

  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => onChange({ ...value, q: text.trim() || undefined })}
        placeholder="输入事项名称、俗称、编码或拼音首字母，如 低保、dbsq"
        style={{ width: 360 }}
        aria-label="搜索事项"
      />
      <Select
        allowClear
        placeholder={L.level}
        style={{ width: 130 }}
        value={value.level}
        options={levelOptions(names)}
        onChange={(level) => onChange({ ...value, level })}
      />
      <Select
        allowClear
        showSearch
        placeholder={L.category}
        style={{ width: 150 }}
        value={value.category}
        loading={facets.isLoading}
        options={toOptions(facets.data?.categories)}
        onChange={(category) => onChange({ ...value, category })}
      />
      <Select
        allowClear
        showSearch
        placeholder={L.department}
        style={{ width: 220 }}
        value={value.department}
        loading={facets.isLoading}
        options={toOptions(facets.data?.departments)}
        onChange={(department) => onChange({ ...value, department })}
      />
      <Select
        style={{ width: 120 }}
        value={value.status ?? 'active'}
        options={[...STATUS_OPTIONS]}
        onChange={(status) => onChange({ ...value, status: status === 'active' ? undefined : status })}
      />
    </Space>
  );
}
