import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useEffect } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { apiRequest } from '@/lib/api-client';
import { complaintLimitsSchema } from '@domain/complaints/contract';
import { useComplaintLimits } from '../api/complaints';

interface Values {
  simpleDays: number;
  complexDays: number;
  maxExtensionDays: number;
}

/** 投诉答复时限 (working days): the system administrator's setting; applies to complaints registered afterwards. */
export function ComplaintLimitsForm() {
  const limits = useComplaintLimits();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (body: Values) => apiRequest('/complaints/limits', complaintLimitsSchema, { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(['complaints', 'limits'], saved),
  });
  useEffect(() => {
    if (limits.data) form.setFieldsValue(limits.data);
  }, [limits.data, form]);
  if (limits.isError) return <QueryError error={limits.error} onRetry={() => void limits.refetch()} />;
  return (
    <Card loading={limits.isPending} style={{ maxWidth: 640 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => save.mutate(values, { onSuccess: () => message.success('已保存，此后登记的投诉按新的时限计算。'), onError: (e) => showError(e, { form }) })}
      >
        <Space wrap size="large">
          <Form.Item name="simpleDays" label="简单投诉（工作日）" extra="1 = 当天或次日答复">
            <InputNumber min={0} max={5} />
          </Form.Item>
          <Form.Item name="complexDays" label="复杂投诉（工作日）">
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="maxExtensionDays" label="延期最多（工作日）">
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
