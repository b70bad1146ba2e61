import { Button, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useRatingSettings, useSaveRatingSettings } from '../api/evaluations';

/** The two periods of 好差评: the SMS invitation after N days, the default 基本满意 after M natural days. */
export function RatingSettingsForm({ editable }: { editable: boolean }) {
  const settings = useRatingSettings();
  const save = useSaveRatingSettings();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ inviteDays: number; defaultDays: number }>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  return (
    <Form form={form} layout="inline" disabled={!editable} onFinish={(values) => save.mutate(values, { onError: (e) => feedback(e, { form }) })}>
      <Space wrap>
        <Form.Item name="inviteDays" label="办结后未评价，第几天发短信邀请" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} addonAfter="天" />
        </Form.Item>
        <Form.Item name="defaultDays" label="几个自然日未评价记为“基本满意”" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} addonAfter="天" />
        </Form.Item>
        {editable && (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        )}
      </Space>
    </Form>
  );
}
