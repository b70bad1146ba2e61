import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { formatDate, formatDateTime } from '@/lib/format';
import { usePetition, type Handover } from '@/features/petitions/api/petitions';
import { PetitionActions } from '@/features/petitions/components/petition-actions';
import { PetitionClocks } from '@/features/petitions/components/petition-clocks';
import { GroupTag, PetitionLightTag, PetitionStatusTag } from '@/features/petitions/components/petition-tags';

const route = getRouteApi('/console/petitions/$id');

/** One petition: the ledger fields, its clocks, the steps to take, hand-overs (交办单), receptions, notices, history. */
export function PetitionDetailPage() {
  const { id } = route.useParams();
  const petition = usePetition(id);
  if (petition.isPending) return <PageLoading />;
  if (petition.isError) return <QueryError error={petition.error} onRetry={() => void petition.refetch()} />;
  const p = petition.data;

  return (
    <>
      <PageHeader
        title={
          <Space>
            {p.petitionNo}
            <PetitionStatusTag status={p.status} />
            {p.group && <GroupTag persons={p.persons} />}
            {p.urgency === 'urgent' && <Tag color="volcano">紧急</Tag>}
            <PetitionLightTag light={p.light} />
          </Space>
        }
        extra={
          <Link to="/petitions">
            <Button icon={<ArrowLeftOutlined />}>返回台账</Button>
          </Link>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PetitionActions petition={p} />
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title="登记信息">
              <Descriptions column={2} size="small" bordered>
                <Descriptions.Item label="来访时间">
                  {formatDateTime(p.receivedAt).slice(0, -3)}时（{p.channelName}）
                </Descriptions.Item>
                <Descriptions.Item label="接待人">{p.receivedByName}</Descriptions.Item>
                <Descriptions.Item label="姓名">
                  {p.name}
                  {p.sex && `，${p.sex === 'male' ? '男' : '女'}`}
                  {p.age !== null && `，${p.age}岁`}
                </Descriptions.Item>
                <Descriptions.Item label="职业">{p.occupation ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="身份证号码">{p.idNumber ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="电话">{p.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="住址或工作单位" span={2}>
                  {p.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label="反映问题" span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{p.issue}</Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label="人数">
                  {p.persons} 人{p.group ? '（集体访）' : ''}
                </Descriptions.Item>
                <Descriptions.Item label="处理方式">{p.handlingName}</Descriptions.Item>
                {p.group && (
                  <Descriptions.Item label="代表" span={2}>
                    {p.representatives.map((r) => `${r.name}${r.phone ? `（${r.phone}）` : ''}`).join('、') || '—'}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label="既往来访">{p.earlierVisits > 0 ? <Tag color="orange">{p.earlierVisits} 次</Tag> : '无'}</Descriptions.Item>
                <Descriptions.Item label="时限计算">{p.dayCount === 'calendar' ? '自然日' : '工作日'}</Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title="时限和亮灯">
              <PetitionClocks petition={p} />
              {p.extensionDays > 0 && <Typography.Paragraph style={{ marginTop: 8 }}>已延期 {p.extensionDays} 天（只能延期一次）。</Typography.Paragraph>}
            </Card>
          </Col>
        </Row>
        <Card title="事项交办单">
          <Table<Handover>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.handovers}
            locale={{ emptyText: '尚未交办' }}
            data-testid="handovers"
            columns={[
              { title: '编号', dataIndex: 'handoverNo' },
              { title: '责任部门', dataIndex: 'department' },
              { title: '交办内容', dataIndex: 'content' },
              { title: '回复期限', dataIndex: 'replyBy', render: (d: string, h) => <Space>{formatDate(d)}{h.late && <Tag color="red">逾期</Tag>}</Space> },
              { title: '部门回复', dataIndex: 'reply', render: (r: string | null, h) => (r ? `${r}（${h.repliedByName}，${formatDateTime(h.repliedAt)}）` : <Typography.Text type="secondary">待回复</Typography.Text>) },
              {
                title: '打印',
                key: 'print',
                render: (_: unknown, h) => (
                  <Link to="/petitions/$id/handovers/$handoverId/print" params={{ id: p.id, handoverId: h.id }} data-testid="print-handover">
                    <Button size="small" icon={<PrinterOutlined />}>
                      交办单
                    </Button>
                  </Link>
                ),
              },
            ]}
          />
        </Card>
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title="告知书">
              {p.notices.length === 0 ? (
                <Typography.Text type="secondary">受理、不予受理、延期、答复时生成告知书。</Typography.Text>
              ) : (
                <Space direction="vertical">
                  {p.notices.map((n) => (
                    <Link key={n.seq} to="/petitions/$id/notices/$seq/print" params={{ id: p.id, seq: String(n.seq) }} data-testid={`print-notice-${n.kind}`}>
                      <Button icon={<PrinterOutlined />}>
                        {n.title}（{formatDate(n.at)}）
                      </Button>
                    </Link>
                  ))}
                </Space>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="领导接待">
              {p.receptions.length === 0 ? (
                <Typography.Text type="secondary">尚无领导接待记录。</Typography.Text>
              ) : (
                <Timeline items={p.receptions.map((r) => ({ children: `${formatDate(r.receivedOn)} ${r.leaderName}接待：${r.decision}（${r.recordedByName}记录）` }))} />
              )}
            </Card>
          </Col>
        </Row>
        <Card title="办理记录">
          <Timeline
            data-testid="petition-events"
            items={p.events.map((e) => ({ children: `${formatDateTime(e.at)} ${e.byName} ${e.actionName}${e.text ? `：${e.text}` : ''}` }))}
          />
          {p.prints.length > 0 && <Typography.Text type="secondary">已打印 {p.prints.length} 次，最近一次：{p.prints[0]!.printedBy}，{formatDateTime(p.prints[0]!.printedAt)}</Typography.Text>}
        </Card>
      </Space>
    </>
  );
}
