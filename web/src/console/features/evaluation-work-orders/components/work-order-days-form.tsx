import { App, Button, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { DAY_LIMITS, daysProblem } from '@domain/evaluation/work-orders';
import { useSaveWorkOrderDays, useWorkOrderDays, type WorkOrderDays } from '../api/settings';

/** 差评整改工单的时限 (system administrator): working days from the 差评 to 回访核实 and to 整改反馈; applies to work orders opened afterwards. */
export function WorkOrderDaysForm() {
  const days = useWorkOrderDays();
  const save = useSaveWorkOrderDays();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkOrderDays>();
  useEffect(() => {
    if (days.data) form.setFieldsValue(days.data);
  }, [days.data, form]);
  if (days.isError) return <QueryError error={days.error} onRetry={() => void days.refetch()} />;
  return (
    <Form<WorkOrderDays>
      form={form}
      layout="vertical"
      disabled={days.isPending}
      onFinish={(values) => save.mutate(values, { onSuccess: () => message.success('已保存，此后产生的差评整改工单按新的时限计算。'), onError: (e) => showError(e, { form }) })}
      data-testid="work-order-days-form"
    >
      <Space wrap size="large" align="start">
        <Form.Item name="visitDays" label="回访核实" rules={[{ required: true, message: '请填写回访核实时限' }]} extra="收到差评后几个工作日内回访评价人、核实情况">
          <InputNumber min={DAY_LIMITS.visit.min} max={DAY_LIMITS.visit.max} precision={0} addonAfter="个工作日" data-testid="work-order-visit-days" />
        </Form.Item>
        <Form.Item
          name="fixDays"
          label="整改反馈"
          dependencies={['visitDays']}
          rules={[
            { required: true, message: '请填写整改时限' },
            ({ getFieldValue }) => ({
              validator: (_, v: number | null) => {
                const visit = getFieldValue('visitDays') as number | null;
                const problem = v != null && visit != null ? daysProblem(visit, v) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            }),
          ]}
          extra="收到差评后几个工作日内完成整改并把结果告知评价人"
        >
          <InputNumber min={DAY_LIMITS.fix.min} max={DAY_LIMITS.fix.max} precision={0} addonAfter="个工作日" data-testid="work-order-fix-days" />
        </Form.Item>
      </Space>
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="work-order-days-save">
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
