import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { SIX_KIND_NAMES } from '@domain/vocabulary/kinds';
import { LIGHT_NAMES } from '@domain/vocabulary/lights';
import { STATUS_NAMES } from '@domain/vocabulary/statuses';
import { CASE_STATUSES, LIGHTS, SIX_KINDS } from '../api/case-schema';
import { ledgerExportUrl, type CaseFilter } from '../api/get-cases';
import { useOfferedCodes, useItemSearch } from '../api/get-offered-items';
import { itemOption, itemOptionSearch } from '@/lib/item-option-search';

interface Props {
  orgId: string;
  value: CaseFilter;
  onChange: (next: CaseFilter) => void;
}

/** Ledger filters: status, six-kind, item, light, dates, search; and the Excel export of exactly these. */
export function LedgerFilters({ orgId, value, onChange }: Props) {
  const [q, setQ] = useState(value.q ?? '');
  const debouncedQ = useDebouncedValue(q, 300);
  const offered = useOfferedCodes(orgId);
  const items = useItemSearch('');
  const offeredSet = new Set(offered.data ?? []);
  const itemOptions = (items.data ?? [])
    .filter((i) => offeredSet.size === 0 || offeredSet.has(i.code))
    .map((i) => itemOption(i, `${i.code} ${i.name}`));

  useEffect(() => {
    if ((debouncedQ.trim() || undefined) !== value.q) onChange({ ...value, q: debouncedQ.trim() || undefined, page: undefined });
    // Only the typed text drives this effect.
  }, [debouncedQ]);

  const set = (patch: Partial<CaseFilter>) => onChange({ ...value, ...patch, page: undefined });

  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(text) => set({ q: text.trim() || undefined })}
          placeholder="办件编号、申请人姓名或电话"
          style={{ width: 260 }}
          aria-label="搜索办件"
        />
        <Select allowClear placeholder="办件状态" style={{ width: 170 }} value={value.status} onChange={(status) => set({ status })} options={CASE_STATUSES.map((s) => ({ value: s, label: STATUS_NAMES[s] }))} />
        <Select allowClear placeholder="办件类型" style={{ width: 110 }} value={value.kind} onChange={(kind) => set({ kind })} options={SIX_KINDS.map((k) => ({ value: k, label: SIX_KIND_NAMES[k] }))} />
        <Select
          allowClear
          showSearch={itemOptionSearch}
          placeholder="办理事项"
          style={{ width: 240 }}
          value={value.itemCode}
          onChange={(itemCode) => set({ itemCode })}
          options={itemOptions}
          loading={items.isLoading}
        />
        <Select allowClear placeholder="亮灯" style={{ width: 90 }} value={value.light} onChange={(light) => set({ light })} options={LIGHTS.map((l) => ({ value: l, label: LIGHT_NAMES[l] }))} />
        <DatePicker.RangePicker
          placeholder={['收件日期起', '收件日期止']}
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          allowEmpty={[true, true]}
        />
    </Space>
  );
}

/** 导出 Excel: the ledger of exactly the current filters (all pages). */
export function LedgerExportButton({ value }: { value: CaseFilter }) {
  return (
    <Button icon={<DownloadOutlined />} href={ledgerExportUrl(value)} download>
      导出 Excel
    </Button>
  );
}
