import { Checkbox, Select, Space } from 'antd';
import { CARD_LEVEL_NAMES, CARD_LEVELS, CARD_STATUS_NAMES, CARD_STATUSES, type CardLevel, type CardStatus } from '@domain/supervision/cards';
import type { CardQuery } from '../api/cards';
import { useTreeOrgs } from '../api/cards';

/**
 * The list's filters, read from the URL: center (supervisors; with or without the centers below it), status, colour,
 * only those awaiting an answer, only the late ones.
 */
export function CardFilters({ value, onChange, byOrg }: { value: CardQuery; onChange: (q: CardQuery) => void; byOrg: boolean }) {
  const orgs = useTreeOrgs(byOrg);
  return (
    <Space wrap style={{ marginBottom: 16 }} className="no-print">
      {byOrg && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          placeholder="全部中心"
          value={value.orgId}
          onChange={(orgId?: string) => onChange({ ...value, orgId, below: undefined, page: 1 })}
          options={(orgs.data?.orgs ?? []).filter((o) => o.level !== 'village').map((o) => ({ value: o.id, label: o.centerName }))}
        />
      )}
      {byOrg && value.orgId && (
        <Checkbox checked={!!value.below} onChange={(e) => onChange({ ...value, below: e.target.checked || undefined, page: 1 })} data-testid="card-filter-below">
          含下级中心
        </Checkbox>
      )}
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder="全部状态"
        value={value.status}
        onChange={(status?: CardStatus) => onChange({ ...value, status, page: 1 })}
        options={CARD_STATUSES.map((s) => ({ value: s, label: CARD_STATUS_NAMES[s] }))}
        data-testid="card-filter-status"
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder="全部级别"
        value={value.level}
        onChange={(level?: CardLevel) => onChange({ ...value, level, page: 1 })}
        options={CARD_LEVELS.map((l) => ({ value: l, label: CARD_LEVEL_NAMES[l] }))}
      />
      <Checkbox checked={!!value.awaiting} onChange={(e) => onChange({ ...value, awaiting: e.target.checked || undefined, page: 1 })} data-testid="card-filter-awaiting">
        只看待回告
      </Checkbox>
      <Checkbox checked={!!value.late} onChange={(e) => onChange({ ...value, late: e.target.checked || undefined, page: 1 })} data-testid="card-filter-late">
        只看逾期未回告
      </Checkbox>
    </Space>
  );
}
