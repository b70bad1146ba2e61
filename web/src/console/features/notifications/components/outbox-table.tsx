import { Space, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { OutboxMessageView } from '../api/outbox';
import { OUTBOX_PAGE_SIZE } from '../api/outbox';
import { MessageStatusTag } from './status-tag';

const CHANNEL_NAMES = { sms: '短信', inbox: '站内消息' } as const;

/** 短信记录: each message as sent (or waiting, or failed), newest first. */
export function OutboxTable(props: { messages: OutboxMessageView[]; total: number; page: number; loading: boolean; onPage: (page: number) => void }) {
  return (
    <Table<OutboxMessageView>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.messages}
      pagination={{ current: props.page, pageSize: OUTBOX_PAGE_SIZE, total: props.total, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: props.onPage }}
      locale={{ emptyText: '没有符合条件的消息' }}
      columns={[
        { title: '生成时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
        { title: '渠道', dataIndex: 'channel', width: 90, render: (c: OutboxMessageView['channel']) => <Tag variant="filled">{CHANNEL_NAMES[c]}</Tag> },
        { title: '接收人', key: 'to', width: 110, render: (_: unknown, m) => (m.channel === 'sms' ? m.to : (m.toName ?? '（已删除的人员）')) },
        { title: '模板', dataIndex: 'templateName', width: 100 },
        {
          title: '内容',
          dataIndex: 'text',
          render: (text: string, m) => (
            <Space direction="vertical" size={2}>
              <Typography.Text>{text}</Typography.Text>
              {m.caseId && (
                <Link to="/cases/$id" params={{ id: m.caseId }}>
                  查看办件
                </Link>
              )}
            </Space>
          ),
        },
        {
          title: '发送情况',
          key: 'status',
          width: 230,
          render: (_: unknown, m) => (
            <Space direction="vertical" size={2}>
              <Space size={4}>
                <MessageStatusTag status={m.status} note={m.note} />
                {m.attempts > 0 && <Typography.Text type="secondary">发送 {m.attempts} 次</Typography.Text>}
              </Space>
              {m.sentAt && <Typography.Text type="secondary">{formatDateTime(m.sentAt)} 发出</Typography.Text>}
              {m.note && (
                <Typography.Text type="warning" data-testid="message-note">
                  {m.note}
                </Typography.Text>
              )}
              {m.status === 'failed' && m.lastError && <Typography.Text type="danger">{m.lastError}</Typography.Text>}
              {m.status === 'pending' && m.lastError && <Typography.Text type="secondary">上次失败：{m.lastError}</Typography.Text>}
              {m.status === 'pending' && m.attempts > 0 && m.nextAttemptAt && <Typography.Text type="secondary">{formatDateTime(m.nextAttemptAt)} 重试</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}
