import { App, Button, Card, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { useCasePromises, useCheckPromise, type CasePromises } from '../api/applications';

type Promised = CasePromises['promises'][number];

const STATE_COLORS: Record<Promised['state'], string> = { pending: 'gold', overdue: 'red', kept: 'green', false: 'volcano' };

/**
 * 告知承诺的事后核查 on the case page: each material the applicant promised instead of supplying, with the last day
 * of its check and its state; staff of the center record the check once — 核查属实 (then on file for next time) or
 * 承诺不实 with what was found. Nothing shows for a case without promises.
 */
export function CasePromisesCard({ caseId }: { caseId: string }) {
  const promises = useCasePromises(caseId);
  const [checking, setChecking] = useState<Promised | null>(null);
  const list = promises.data?.promises ?? [];
  if (list.length === 0) return null;
  return (
    <Card title="告知承诺材料（事后核查）" size="small" style={{ marginBottom: 16 }} data-testid="case-promises">
      <List
        size="small"
        dataSource={list}
        renderItem={(p) => (
          <List.Item
            actions={
              p.canCheck
                ? [
                    <Button key="check" size="small" type="primary" onClick={() => setChecking(p)}>
                      登记核查
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={0}>
              <Typography.Text>{p.materialName}</Typography.Text>
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[p.state]}>{p.stateName}</Tag>
                {p.due && <Typography.Text type={p.state === 'overdue' ? 'danger' : 'secondary'}>核查期限 {p.due}</Typography.Text>}
              </Space>
              {p.checkedAt && (
                <Typography.Text type="secondary">
                  {p.checkedByName ?? ''} {formatDateTime(p.checkedAt)} 核查{p.note ? `：${p.note}` : ''}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      <CheckModal caseId={caseId} promise={checking} onClose={() => setChecking(null)} />
    </Card>
  );
}

function CheckModal({ caseId, promise, onClose }: { caseId: string; promise: Promised | null; onClose: () => void }) {
  const [form] = Form.useForm<{ result: 'kept' | 'false'; note?: string }>();
  const check = useCheckPromise(caseId);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const result = Form.useWatch('result', form);
  return (
    <Modal
      open={promise !== null}
      title="登记告知承诺核查结果"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={check.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{promise?.materialName}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: 'kept' }}
        preserve={false}
        onFinish={(v) =>
          promise &&
          check.mutate(
            { promiseId: promise.id, result: v.result, note: v.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(v.result === 'kept' ? '已登记核查属实，该材料已存档，申请人下次办事不必再交。' : '已登记承诺不实，请依法处理本件（如撤销决定）。');
                onClose();
              },
              onError: (e) => showError(e, { form }),
            },
          )
        }
      >
        <Form.Item name="result" label="核查结果">
          <Radio.Group
            options={[
              { value: 'kept', label: '核查属实' },
              { value: 'false', label: '承诺不实' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label="核查情况"
          rules={result === 'false' ? [{ required: true, whitespace: true, message: '认定承诺不实，请写明核查发现的情况' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={result === 'false' ? '如：经民政部门核实，未登记结婚' : '如：已见结婚证原件'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
