import { App, Button, Form, InputNumber } from 'antd';
import { DEFAULT_DUE_DAY, MAX_DUE_DAY } from '@domain/statistics/submission';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useSetReportDueDay } from '../api/monthly-reports';

/**
 * 月报报送截止日 (issue 13 §1): each village and township reports last month's figures upward by this day of the month;
 * the reminders start two days before it and a report after it counts as late.
 */
export function DueDayForm({ dueDay }: { dueDay: number }) {
  const [form] = Form.useForm<{ dueDay: number }>();
  const save = useSetReportDueDay();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ dueDay }}
      onFinish={(values) =>
        save.mutate(values.dueDay, {
          onSuccess: (saved) => message.success(`已保存：月报每月 ${saved.dueDay} 日前报送上级。`),
          onError: (e) => showError(e, { form }),
        })
      }
    >
      <Form.Item
        name="dueDay"
        label="报送截止日（每月几日前报送上月报表）"
        rules={[{ required: true, message: '请填写报送截止日' }]}
        extra={`1 到 ${MAX_DUE_DAY} 日，默认 ${DEFAULT_DUE_DAY} 日。截止日前两天起每天提醒未报送的单位，过了截止日报送的记为逾期。`}
      >
        <InputNumber min={1} max={MAX_DUE_DAY} precision={0} suffix="日" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
