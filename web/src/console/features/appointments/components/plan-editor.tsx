import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '@/lib/api-client';
import { useSavePlan } from '../api/appointments';

type Range = { start: string; end: string; capacity: number };
type Row = { time: [Dayjs, Dayjs]; capacity: number };

/** One service's plan of the day: time ranges with how many may book each (e.g. 09:00–10:00 可约 5 人). */
export function PlanEditor({ serviceId, serviceName, code, ranges, version }: { serviceId: string; serviceName: string; code: string; ranges: Range[]; version: number | null }) {
  const { message } = App.useApp();
  const save = useSavePlan();
  const initial: Row[] = ranges.map((r) => ({ time: [dayjs(`2000-01-01T${r.start}`), dayjs(`2000-01-01T${r.end}`)], capacity: r.capacity }));
  return (
    <Card size="small" title={`${code} ${serviceName}`} style={{ marginBottom: 12 }}>
      <Form<{ rows: Row[] }>
        key={`${serviceId}-${version ?? 0}`}
        initialValues={{ rows: initial }}
        onFinish={(v) =>
          save.mutate(
            { serviceId, version, ranges: (v.rows ?? []).map((r) => ({ start: r.time[0].format('HH:mm'), end: r.time[1].format('HH:mm'), capacity: r.capacity })) },
            { onSuccess: () => void message.success(`“${serviceName}”的预约时段已保存。`), onError: (e) => void message.error(isApiError(e) ? e.title : '没有保存，请刷新页面后重试。') },
          )
        }
      >
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                  <Form.Item name={[f.name, 'time']} rules={[{ required: true, message: '请选择时段' }]}>
                    <TimePicker.RangePicker format="HH:mm" minuteStep={5} aria-label="时段" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capacity']} rules={[{ required: true, message: '请填写人数' }]}>
                    <InputNumber min={1} max={200} addonAfter="人" aria-label="可约人数" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除时段" />
                </div>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ capacity: 5 })}>
                  添加时段
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
