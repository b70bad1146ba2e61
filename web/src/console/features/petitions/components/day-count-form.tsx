import { App, Button, Form, Radio } from 'antd';
import { useEffect } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import type { DayCount } from '@domain/petitions/petitions';
import { usePetitionSettings, useSavePetitionSettings } from '../api/settings';

/** 信访时限按自然日还是工作日计算 (system administrator); a petition keeps the counting it was registered under. */
export function DayCountForm() {
  const settings = usePetitionSettings();
  const save = useSavePetitionSettings();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dayCount: DayCount }>();
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Form<{ dayCount: DayCount }>
      form={form}
      layout="vertical"
      disabled={settings.isPending}
      onFinish={(values) =>
        save.mutate(values, {
          onSuccess: (saved) => message.success(`已保存：此后登记的信访事项按${saved.dayCount === 'working' ? '工作日' : '自然日'}计算时限。`),
          onError: (e) => showError(e, { form }),
        })
      }
      data-testid="petition-day-count-form"
    >
      <Form.Item name="dayCount" label="受理告知、办理答复等时限的天数" rules={[{ required: true, message: '请选择计算方式' }]}>
        <Radio.Group
          data-testid="petition-day-count"
          options={[
            { value: 'calendar', label: '按自然日（《信访工作条例》所称“日”，默认）' },
            { value: 'working', label: '按工作日（本地规定按工作日计算时选用，周末和法定节假日不计）' },
          ]}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="petition-day-count-save">
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
