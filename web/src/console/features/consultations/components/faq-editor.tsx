import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, HistoryOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Drawer, Empty, Form, Input, List, Modal, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { formatDateTime } from '@/lib/format';
import { FAQ_TEXT_LIMITS } from '@domain/consultations/faq';
import { useChangeFaq, useFaq, useFaqEntry, useFrequentQuestions, type FaqChange, type FaqEntry } from '../api/consultations';
import { PromoteModal, type PromoteSource } from './promote-modal';

/**
 * 常见问题 of one item at the person's center: on the left the questions asked most (similar wording grouped and
 * counted) to promote; on the right the FAQ as the public reads it, to edit, move up and down, retire and restore.
 */
export function FaqEditor({ itemCode }: { itemCode: string }) {
  const faq = useFaq(itemCode);
  const frequent = useFrequentQuestions(itemCode);
  const change = useChangeFaq();
  const showError = useErrorFeedback();
  const { message, modal } = App.useApp();
  const [promote, setPromote] = useState<PromoteSource | null>(null);
  const [editing, setEditing] = useState<FaqEntry | null>(null);
  const [history, setHistory] = useState<string | undefined>();

  if (faq.isError) return <QueryError error={faq.error} onRetry={() => void faq.refetch()} />;
  const data = faq.data;
  const editable = data?.editable ?? false;
  const active = (data?.entries ?? []).filter((e) => e.status === 'active');
  const retired = (data?.entries ?? []).filter((e) => e.status !== 'active');
  const run = (entry: FaqEntry, c: FaqChange, done: string) =>
    change.mutate({ id: entry.id, change: c, expectedVersion: entry.version }, { onSuccess: () => message.success(done), onError: (e) => showError(e, { onReload: () => void faq.refetch() }) });

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card title="问得最多的问题（近一年）" size="small" loading={frequent.isPending}>
          {frequent.data && frequent.data.groups.length === 0 ? (
            <Empty description="本中心近一年没有关于该事项的咨询记录" />
          ) : (
            <List
              dataSource={frequent.data?.groups ?? []}
              renderItem={(g) => (
                <List.Item
                  data-testid="frequent-group"
                  actions={
                    editable
                      ? [
                          g.faqIds.length > 0 ? (
                            <Tag color="green" key="in">已选入</Tag>
                          ) : (
                            <Button
                              key="promote"
                              size="small"
                              onClick={() =>
                                setPromote({ itemCode, itemName: data?.itemName ?? '', question: g.question, answer: g.answer, consultationId: g.answer ? g.sampleId : undefined, count: g.count })
                              }
                              data-testid="frequent-promote"
                            >
                              选入
                            </Button>
                          ),
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    avatar={<Badge count={g.count} showZero color={g.count > 1 ? '#fa8c16' : '#bfbfbf'} overflowCount={999} />}
                    title={g.question}
                    description={g.answer ? `答：${g.answer}` : '尚未答复'}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          loading={faq.isPending}
          title={`常见问题（公开在办事指南和网上办事大厅）${data ? ` · ${data.orgName}` : ''}`}
          extra={
            editable && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setPromote({ itemCode, itemName: data?.itemName ?? '', question: '', answer: '' })} data-testid="faq-new">
                新增
              </Button>
            )
          }
        >
          {active.length === 0 ? (
            <Empty description="还没有常见问题：从左边问得最多的问题中选入，或直接新增" />
          ) : (
            <List
              dataSource={active}
              renderItem={(e, i) => (
                <List.Item
                  data-testid="faq-entry"
                  actions={
                    editable
                      ? [
                          <Button key="up" size="small" type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label="上移" title="上移" onClick={() => run(e, { action: 'move', to: i - 1 }, '已上移')} />,
                          <Button key="down" size="small" type="text" icon={<ArrowDownOutlined />} disabled={i === active.length - 1} aria-label="下移" title="下移" onClick={() => run(e, { action: 'move', to: i + 1 }, '已下移')} />,
                          <Button key="edit" size="small" type="text" icon={<EditOutlined />} aria-label="修改" title="修改" onClick={() => setEditing(e)} />,
                          <Button
                            key="retire"
                            size="small"
                            type="text"
                            danger
                            icon={<StopOutlined />}
                            aria-label="撤下"
                            title="撤下"
                            onClick={() => modal.confirm({ title: '撤下这条常见问题？', content: '撤下后不再公开，记录和修改历史保留，可以恢复。', okText: '撤下', onOk: () => run(e, { action: 'retire' }, '已撤下') })}
                          />,
                          <Button key="history" size="small" type="text" icon={<HistoryOutlined />} aria-label="修改历史" title="修改历史" onClick={() => setHistory(e.id)} />,
                        ]
                      : [<Button key="history" size="small" type="text" icon={<HistoryOutlined />} aria-label="修改历史" onClick={() => setHistory(e.id)} />]
                  }
                >
                  <List.Item.Meta
                    title={
                      <span data-testid="faq-entry-question">
                        {i + 1}. {e.question}
                      </span>
                    }
                    description={
                      <>
                        <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.75)' }}>{e.answer}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          第 {e.version} 版 · {e.updatedByName} {formatDateTime(e.updatedAt)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
          {retired.length > 0 && (
            <>
              <Typography.Title level={5} type="secondary" style={{ marginTop: 16 }}>
                已撤下
              </Typography.Title>
              <List
                size="small"
                dataSource={retired}
                renderItem={(e) => (
                  <List.Item
                    actions={[
                      ...(editable ? [<Button key="restore" size="small" icon={<RollbackOutlined />} onClick={() => run(e, { action: 'restore' }, '已恢复公开')}>恢复</Button>] : []),
                      <Button key="history" size="small" type="text" icon={<HistoryOutlined />} aria-label="修改历史" onClick={() => setHistory(e.id)} />,
                    ]}
                  >
                    <Typography.Text delete type="secondary">
                      {e.question}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </>
          )}
        </Card>
      </Col>
      <PromoteModal source={promote} onClose={() => setPromote(null)} />
      <EditModal entry={editing} onClose={() => setEditing(null)} />
      <HistoryDrawer id={history} onClose={() => setHistory(undefined)} />
    </Row>
  );
}

function EditModal({ entry, onClose }: { entry: FaqEntry | null; onClose: () => void }) {
  const [form] = Form.useForm<{ question: string; answer: string }>();
  const change = useChangeFaq();
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  if (!entry) return null;
  return (
    <Modal title="修改常见问题" open onCancel={onClose} okText="保存" onOk={() => form.submit()} confirmLoading={change.isPending} destroyOnHidden width={680}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ question: entry.question, answer: entry.answer }}
        onFinish={(v) =>
          change.mutate(
            { id: entry.id, change: { action: 'edit', question: v.question, answer: v.answer }, expectedVersion: entry.version },
            {
              onSuccess: () => {
                message.success('已保存，公开内容已更新');
                onClose();
              },
              onError: (e) => showError(e, { form, onReload: onClose }),
            },
          )
        }
      >
        <Form.Item name="question" label="问题" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
          <Input maxLength={FAQ_TEXT_LIMITS.question} showCount />
        </Form.Item>
        <Form.Item name="answer" label="答复" rules={[{ required: true, whitespace: true, message: '请填写答复' }]}>
          <Input.TextArea rows={6} maxLength={FAQ_TEXT_LIMITS.answer} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HistoryDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const entry = useFaqEntry(id);
  return (
    <Drawer title="修改历史" open={Boolean(id)} onClose={onClose} size="large" destroyOnHidden>
      {entry.data && (
        <Timeline
          items={entry.data.events.map((h) => ({
            key: h.version,
            content: (
              <Space direction="vertical" size={2}>
                <Typography.Text strong>
                  第 {h.version} 版 · {h.actionName} · {h.byName} {formatDateTime(h.at)}
                </Typography.Text>
                {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
                <span>问：{h.question}</span>
                <span style={{ whiteSpace: 'pre-wrap' }}>答：{h.answer}</span>
                <Typography.Text type="secondary">
                  第 {h.position} 条 · {h.status === 'active' ? '公开中' : '已撤下'}
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
