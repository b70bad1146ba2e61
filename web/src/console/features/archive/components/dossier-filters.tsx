import { Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { RETENTION_NAMES, RETENTION_PERIODS, type RetentionPeriod } from '@domain/archive/terms';
import type { DossierQuery } from '../api/archive';

interface Props {
  value: DossierQuery;
  onChange: (q: DossierQuery) => void;
  /** the years to offer: this year and the nine before it */
  thisYear: number;
}

/** 年度, 保管期限 and one search box for 档号、办件编号、申请人. */
export function DossierFilters({ value, onChange, thisYear }: Props) {
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="dossier-filters">
      <Select<number | undefined>
        aria-label="年度"
        placeholder="全部年度"
        allowClear
        style={{ width: 140 }}
        value={value.year}
        onChange={(year) => onChange({ ...value, year, page: undefined })}
        options={years.map((y) => ({ value: y, label: `${y}年度` }))}
      />
      <Select<RetentionPeriod | undefined>
        aria-label="保管期限"
        placeholder="全部保管期限"
        allowClear
        style={{ width: 160 }}
        value={value.period}
        onChange={(period) => onChange({ ...value, period, page: undefined })}
        options={RETENTION_PERIODS.map((p) => ({ value: p, label: RETENTION_NAMES[p] }))}
      />
      <Input.Search
        aria-label="检索"
        placeholder="档号、办件编号或申请人"
        allowClear
        style={{ width: 300 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined, page: undefined })}
        enterButton="检索"
      />
    </Space>
  );
}
