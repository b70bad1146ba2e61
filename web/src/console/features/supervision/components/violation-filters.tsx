import { Button, Select, Space } from 'antd';
import { RULES, type RuleCode } from '@domain/supervision/rules';
import { VIOLATION_STATUSES, VIOLATION_STATUS_NAMES, type ViolationStatus } from '@domain/supervision/violations';
import { UNDECIDED, type ViolationQuery } from '../api/violations';

/** Filter by rule and status; the center comes from a click in the table (or the overview), shown with a way back. */
export function ViolationFilters({ query, centerName, onChange }: { query: ViolationQuery; centerName?: string | undefined; onChange: (next: ViolationQuery) => void }) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select<RuleCode>
        allowClear
        placeholder="全部监察规则"
        style={{ width: 280 }}
        value={query.ruleCode}
        options={RULES.map((r) => ({ value: r.code, label: `${r.number} ${r.name}` }))}
        onChange={(ruleCode) => onChange({ ...query, ruleCode, page: undefined })}
        aria-label="监察规则"
      />
      <Select<ViolationStatus | typeof UNDECIDED>
        allowClear
        placeholder="全部状态"
        style={{ width: 240 }}
        value={query.status}
        options={[{ value: UNDECIDED, label: '未处理（待说明、已说明）' }, ...VIOLATION_STATUSES.map((s) => ({ value: s, label: VIOLATION_STATUS_NAMES[s] }))]}
        onChange={(status) => onChange({ ...query, status, page: undefined })}
        aria-label="状态"
      />
      {query.month && (
        <Button onClick={() => onChange({ ...query, month: undefined, page: undefined })}>
          {`${Number(query.month.slice(0, 4))}年${Number(query.month.slice(5))}月`} ✕ 查看全部月份
        </Button>
      )}
      {query.orgId && (
        <Button onClick={() => onChange({ ...query, orgId: undefined, below: undefined, page: undefined })} data-testid="violations-center">
          {centerName ?? '所选中心'}
          {query.below ? '（含下级）' : ''} ✕ 查看全部中心
        </Button>
      )}
    </Space>
  );
}
