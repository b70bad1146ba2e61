import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/lib/format';
import type { Consultation } from '../api/consultations';
import { ConsultationDrawer } from './consultation-drawer';

interface Props {
  consultations: Consultation[];
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  onAnswer?: (c: Consultation) => void;
  onPromote?: (c: Consultation) => void;
  /** the center column, for those who see several centers */
  showCenter?: boolean;
}

const CHANNEL_COLOURS = { window: 'blue', phone: 'cyan', online: 'purple' } as const;

/** 咨询记录: when, how, which item, the question and the answer, who answered, where it stands; answer or promote it. */
export function ConsultationsTable({ consultations, loading, total, page, pageSize, onPage, onAnswer, onPromote, showCenter }: Props) {
  const [open, setOpen] = useState<string | undefined>();
  return (
    <>
      <Table<Consultation>
        rowKey="id"
        loading={loading}
        dataSource={consultations}
        locale={{ emptyText: '没有咨询记录' }}
        pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showTotal: (n) => `共 ${n} 条` } : false}
        columns={[
          {
            title: '编号 / 时间',
            dataIndex: 'consultationNo',
            width: 170,
            render: (no: string, c) => (
              <Space direction="vertical" size={0}>
                <Typography.Link onClick={() => setOpen(c.id)} data-testid="consult-link">
                  {no}
                </Typography.Link>
                <Typography.Text type="secondary">{formatDateTime(c.askedAt)}</Typography.Text>
              </Space>
            ),
          },
          { title: '方式', dataIndex: 'channel', width: 96, render: (_: unknown, c) => <Tag color={CHANNEL_COLOURS[c.channel]}>{c.channelName}</Tag> },
          ...(showCenter ? [{ title: '中心', dataIndex: 'orgName' }] : []),
          { title: '事项', dataIndex: 'itemName', width: 180, render: (n: string | null) => n ?? <Typography.Text type="secondary">未选事项</Typography.Text> },
          {
            title: '问题',
            dataIndex: 'question',
            render: (q: string, c) => (
              <Space direction="vertical" size={0}>
                <span data-testid="consult-row-question">{q}</span>
                {(c.askerName || c.askerPhone) && (
                  <Typography.Text type="secondary">
                    {c.askerName ?? ''} {c.askerPhone ?? ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '答复',
            dataIndex: 'answer',
            render: (a: string | null, c) =>
              a ? (
                <Space direction="vertical" size={0}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a}</span>
                  <Typography.Text type="secondary">
                    {c.answeredByName} {formatDateTime(c.answeredAt)}
                  </Typography.Text>
                </Space>
              ) : (
                <Tag color="orange">待答复</Tag>
              ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, c) => (
              <Space direction="vertical" size={4}>
                {c.allowedActions.includes('answer') && onAnswer && (
                  <Button size="small" type="primary" onClick={() => onAnswer(c)} data-testid="consult-answer-button">
                    答复
                  </Button>
                )}
                {c.allowedActions.includes('promote') && onPromote && (
                  <Button size="small" onClick={() => onPromote(c)} data-testid="consult-promote-button">
                    选入常见问题
                  </Button>
                )}
                {c.faqId && <Tag color="green">已选入常见问题</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <ConsultationDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
