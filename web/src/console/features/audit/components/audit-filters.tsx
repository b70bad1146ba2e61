import { Button, DatePicker, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_ACTION_NAMES, AUDIT_GROUP_NAMES } from '@domain/audit';
import type { AuditQuery } from '../api/get-audit';

interface Props {
  query: AuditQuery;
  /** the name of the person filtered by, when known from the rows */
  userLabel?: string;
  onChange: (next: AuditQuery) => void;
}

// Groups first (登录与密码, 导出 …), then every single action under its group.
const actionOptions = Object.entries(AUDIT_GROUP_NAMES).map(([group, label]) => ({
  label,
  options: [
    { value: group, label: `全部${label}` },
    ...Object.entries(AUDIT_ACTION_NAMES)
      .filter(([action]) => action.startsWith(`${group}.`))
      .map(([value, name]) => ({ value, label: name })),
  ],
}));

/** 日期范围, 操作类型, and the person picked from a row; a change goes back to page 1. */
export function AuditFilters({ query, userLabel, onChange }: Props) {
  const set = (patch: Partial<AuditQuery>) => onChange({ ...query, ...patch, page: undefined });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        placeholder={['开始日期', '结束日期']}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 240 }}
        placeholder="全部操作"
        aria-label="操作类型"
        value={query.action}
        options={actionOptions}
        onChange={(action?: string) => set({ action })}
      />
      {query.userId && (
        <Tag closable onClose={() => set({ userId: undefined })} color="blue">
          只看：{userLabel ?? '所选人员'}
        </Tag>
      )}
      {(query.from || query.to || query.action || query.userId) && (
        <Button type="link" onClick={() => onChange({})}>
          清除筛选
        </Button>
      )}
    </Space>
  );
}
