import { Input, Select, Space } from 'antd';
import { LIGHT_NAMES } from '@domain/vocabulary/lights';
import { COMPLAINT_SOURCES, COMPLAINT_SOURCE_NAMES, COMPLAINT_STATUSES, COMPLAINT_STATUS_NAMES } from '@domain/complaints/complaints';
import type { ComplaintQuery } from '../api/complaints';

const LIGHTS = ['red', 'yellow', 'green'] as const;

export function ComplaintFilters({ value, onChange }: { value: ComplaintQuery; onChange: (q: ComplaintQuery) => void }) {
  const set = (patch: Partial<ComplaintQuery>) => onChange({ ...value, ...patch, page: undefined });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select allowClear placeholder="亮灯" style={{ width: 100 }} value={value.light} onChange={(light) => set({ light })} options={LIGHTS.map((l) => ({ value: l, label: LIGHT_NAMES[l] }))} data-testid="complaint-filter-light" />
      <Select allowClear placeholder="状态" style={{ width: 160 }} value={value.status} onChange={(status) => set({ status })} options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: COMPLAINT_STATUS_NAMES[s] }))} />
      <Select allowClear placeholder="来源" style={{ width: 150 }} value={value.source} onChange={(source) => set({ source })} options={COMPLAINT_SOURCES.map((s) => ({ value: s, label: COMPLAINT_SOURCE_NAMES[s] }))} />
      <Input.Search allowClear placeholder="投诉编号或标题" style={{ width: 240 }} defaultValue={value.q} onSearch={(q) => set({ q: q || undefined })} />
    </Space>
  );
}
