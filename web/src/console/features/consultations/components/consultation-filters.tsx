import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { CONSULTATION_CHANNEL_NAMES, CONSULTATION_CHANNELS, CONSULTATION_STATUS_NAMES, CONSULTATION_STATUSES } from '@domain/consultations/consultations';
import type { ConsultationQuery } from '../api/consultations';
import { ItemSelect } from './item-select';

/** 咨询记录's filters: item, channel, status, dates, words in the question or answer. */
export function ConsultationFilters({ value, onChange, hideStatus }: { value: ConsultationQuery; onChange: (q: ConsultationQuery) => void; hideStatus?: boolean }) {
  const set = (patch: Partial<ConsultationQuery>) => onChange({ ...value, ...patch, page: undefined });
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <ItemSelect value={value.itemCode} onChange={(itemCode) => set({ itemCode })} placeholder="全部事项" style={{ width: 260 }} />
      <Select
        allowClear
        placeholder="全部方式"
        style={{ width: 130 }}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={CONSULTATION_CHANNELS.map((c) => ({ value: c, label: CONSULTATION_CHANNEL_NAMES[c] }))}
      />
      {!hideStatus && (
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 120 }}
          value={value.status}
          onChange={(status) => set({ status })}
          options={CONSULTATION_STATUSES.map((s) => ({ value: s, label: CONSULTATION_STATUS_NAMES[s] }))}
          data-testid="status-filter"
        />
      )}
      <DatePicker.RangePicker
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      <Input.Search allowClear placeholder="问题、答复或编号中的字词" defaultValue={value.q} onSearch={(q) => set({ q: q || undefined })} style={{ width: 240 }} />
    </Space>
  );
}
