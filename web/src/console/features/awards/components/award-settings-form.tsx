import { App, Button, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useAwardSettings, useSaveAwardSettings } from '../api/awards';

interface Values {
  flagTop: number;
  flagTimes: number;
  modelTop: number;
  first: number;
  second: number;
  third: number;
  minServiceMonths: number;
  maxDeducted: number;
}

/** The numbers of 评先评优 (system administrator): the seeds' defaults 10 / 5, 5, 30 / 50 / 20 %, 6 months, 60 points. */
const TIERS = [
  ['first', '第一档比例'],
  ['second', '第二档比例'],
  ['third', '第三档比例'],
] as const;

export function AwardSettingsForm() {
  const settings = useAwardSettings();
  const save = useSaveAwardSettings();
  const feedback = useErrorFeedback();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    const s = settings.data;
    if (s) form.setFieldsValue({ ...s, first: s.tierShares[0], second: s.tierShares[1], third: s.tierShares[2] });
  }, [settings.data, form]);
  const submit = ({ first, second, third, ...rest }: Values) =>
    save.mutate({ ...rest, tierShares: [first, second, third] }, { onSuccess: () => void message.success('评先评优设置已保存，名单按新设置计算。'), onError: (e) => feedback(e, { form }) });
  const whole = [{ required: true, message: '请填写这一项的数字' }];
  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={settings.isPending} style={{ maxWidth: 640 }} data-testid="award-settings">
      <Space wrap size="large" align="start">
        <Form.Item name="flagTop" label="流动红旗：月度排名前几名" rules={whole}>
          <InputNumber min={1} max={100} precision={0} addonAfter="名" />
        </Form.Item>
        <Form.Item name="flagTimes" label="流动红旗：季度内至少几次" rules={whole} extra="一个季度只有 3 次月度排名，超过 3 次按 3 次执行">
          <InputNumber min={1} max={12} precision={0} addonAfter="次" />
        </Form.Item>
        <Form.Item name="modelTop" label="优质服务标兵：每月均在前几名" rules={whole}>
          <InputNumber min={1} max={100} precision={0} addonAfter="名" />
        </Form.Item>
      </Space>
      <Space wrap size="large" align="start">
        {TIERS.map(([name, label]) => (
          <Form.Item key={name} name={name} label={label} rules={whole} extra={name === 'third' ? '三档合计须为 100%' : undefined}>
            <InputNumber min={0} max={100} precision={0} addonAfter="%" />
          </Form.Item>
        ))}
      </Space>
      <Space wrap size="large" align="start">
        <Form.Item name="minServiceMonths" label="服务不满几个月不参加第一档" rules={whole}>
          <InputNumber min={0} max={36} precision={0} addonAfter="个月" />
        </Form.Item>
        <Form.Item name="maxDeducted" label="全年扣分超过多少分不参加评定" rules={whole}>
          <InputNumber min={0} max={1200} addonAfter="分" />
        </Form.Item>
      </Space>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
