import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { useIssueOpen311Key, useOpen311Keys, useRevokeOpen311Key, type Open311Key } from '../api/keys';

/**
 * Open311 接口密钥: issue a key to a named third party (the key shown once, in a dialog that says so), list the keys
 * with who issued them and when they were last used, revoke one with a reason.
 */
export function Open311KeysPanel() {
  const keys = useOpen311Keys();
  const issue = useIssueOpen311Key();
  const revoke = useRevokeOpen311Key();
  const feedback = useErrorFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const [revokeForm] = Form.useForm<{ reason: string }>();
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [revoking, setRevoking] = useState<Open311Key | null>(null);

  const submit = async () => {
    // a failed validation is already shown under its field; nothing is sent and no rejection is left unhandled
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    issue.mutate(values, {
      onSuccess: (r) => {
        form.resetFields();
        setIssued({ name: r.key.name, apiKey: r.apiKey });
      },
      onError: (error) => feedback(error, { form }),
    });
  };

  const confirmRevoke = async () => {
    if (!revoking) return;
    const values = await revokeForm.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    revoke.mutate(
      { id: revoking.id, expectedVersion: revoking.version, reason },
      {
        onSuccess: () => {
          setRevoking(null);
          revokeForm.resetFields();
        },
        onError: (error) => feedback(error, { form: revokeForm }),
      },
    );
  };

  return (
    <>
      <Form form={form} layout="inline" style={{ marginBottom: 16 }} onFinish={() => void submit()}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写使用单位名称' }]}>
          <Input placeholder="使用单位名称，如 县 12345 热线平台" maxLength={60} style={{ width: 300 }} aria-label="使用单位名称" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          发放密钥
        </Button>
      </Form>
      <Table<Open311Key>
        rowKey="id"
        size="middle"
        loading={keys.isPending}
        dataSource={keys.data?.keys ?? []}
        pagination={false}
        locale={{ emptyText: '还没有发放接口密钥' }}
        columns={[
          { title: '使用单位', dataIndex: 'name' },
          { title: '发放时间和发放人', key: 'created', render: (_, k) => `${formatDateTime(k.createdAt)} ${k.createdByName}` },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : '尚未使用') },
          {
            title: '状态',
            key: 'active',
            render: (_, k) =>
              k.active ? (
                <Tag color="green">使用中</Tag>
              ) : (
                <Space direction="vertical" size={0}>
                  <Tag>已吊销</Tag>
                  <Typography.Text type="secondary">
                    {k.revokedAt ? formatDateTime(k.revokedAt) : ''} {k.revokedByName}吊销：{k.reason}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, k) =>
              k.active && (
                <Button size="small" danger onClick={() => setRevoking(k)}>
                  吊销
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={issued !== null}
        title={`已为“${issued?.name ?? ''}”发放接口密钥`}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        okText="我已记下"
        cancelButtonProps={{ style: { display: 'none' } }}
        maskClosable={false}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="密钥只显示这一次，关闭后无法再次查看。请现在抄下或复制，交给对方的技术人员。" />
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>接口密钥（api_key）：</Typography.Text>
          <Typography.Text code style={{ fontSize: 18, wordBreak: 'break-all' }} data-testid="open311-api-key">
            {issued?.apiKey}
          </Typography.Text>
          <Typography.Text type="secondary">对方提交网上申请时在请求中带上 api_key。不再使用或密钥泄露时，请在本页吊销。</Typography.Text>
        </Space>
      </Modal>
      <Modal
        open={revoking !== null}
        title={`吊销“${revoking?.name ?? ''}”的接口密钥`}
        onOk={() => void confirmRevoke()}
        onCancel={() => {
          setRevoking(null);
          revokeForm.resetFields();
        }}
        okText="吊销"
        okButtonProps={{ danger: true, loading: revoke.isPending }}
        cancelText="取消"
      >
        <Typography.Paragraph>吊销后对方用这个密钥提交的请求立即被拒绝，不能恢复；如需继续使用请重新发放。</Typography.Paragraph>
        <Form form={revokeForm} layout="vertical">
          <Form.Item name="reason" label="吊销理由" rules={[{ required: true, whitespace: true, message: '请填写吊销理由' }]}>
            <Input.TextArea rows={3} maxLength={200} placeholder="如：合作结束；密钥泄露，已另发新密钥" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
