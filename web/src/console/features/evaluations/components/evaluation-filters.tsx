import { DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { RATING_CHANNEL_NAMES, RATING_CHANNELS } from '@domain/evaluation/channels';
import { LEVEL_NAMES, LEVELS } from '@domain/evaluation/levels';
import type { EvaluationQuery } from '../api/evaluations';

/** 评价记录's filters: level, channel, dates. */
export function EvaluationFilters({ value, onChange }: { value: EvaluationQuery; onChange: (q: EvaluationQuery) => void }) {
  const set = (patch: Partial<EvaluationQuery>) => onChange({ ...value, ...patch, page: undefined });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        placeholder="全部满意度"
        style={{ width: 140 }}
        value={value.level}
        onChange={(level) => set({ level })}
        options={LEVELS.map((l) => ({ value: l, label: LEVEL_NAMES[l] }))}
        data-testid="level-filter"
      />
      <Select
        allowClear
        placeholder="全部渠道"
        style={{ width: 180 }}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={RATING_CHANNELS.map((c) => ({ value: c, label: RATING_CHANNEL_NAMES[c] }))}
      />
      <DatePicker.RangePicker
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
    </Space>
  );
}
