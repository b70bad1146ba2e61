import { Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '@/lib/format';
import type { WorkOrderDetail } from '../api/work-orders';
import { WorkOrderLightTag, WorkOrderStatusTag } from './work-order-tags';

/** The work order's facts: the 差评 (and whether an appeal took it out), who is responsible, the two deadlines. */
export function WorkOrderOverview({ wo }: { wo: WorkOrderDetail }) {
  return (
    <Card
      title={
        <Space>
          <span>差评整改工单 {wo.workOrderNo}</span>
          <WorkOrderStatusTag status={wo.status} />
          <WorkOrderLightTag light={wo.light} />
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="work-order-overview"
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="办件">
          <Link to="/cases/$id" params={{ id: wo.caseId }}>
            {wo.caseNo}
          </Link>{' '}
          {wo.itemName}
        </Descriptions.Item>
        <Descriptions.Item label="责任中心">{wo.orgName}</Descriptions.Item>
        <Descriptions.Item label="责任窗口">{wo.windowName ?? '未指定窗口'}</Descriptions.Item>
        <Descriptions.Item label="责任人">{wo.personName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="群众评价">
          <Typography.Text type="danger">{wo.levelName}</Typography.Text>
          {wo.rating?.comment && <div style={{ whiteSpace: 'pre-wrap' }}>“{wo.rating.comment}”</div>}
        </Descriptions.Item>
        <Descriptions.Item label="评价时间">{formatDateTime(wo.rating?.ratedAt)}</Descriptions.Item>
        <Descriptions.Item label="回访核实期限">
          {formatDateTime(wo.visitDueAt)}
          {wo.visitLate && <Typography.Text type="danger"> （逾期）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="整改期限">
          {formatDateTime(wo.fixDueAt)}
          {wo.fixLate && <Typography.Text type="danger"> （逾期）</Typography.Text>}
        </Descriptions.Item>
        {wo.findingName && <Descriptions.Item label="核实结果">{wo.findingName}</Descriptions.Item>}
        {wo.outcome && <Descriptions.Item label="告知群众的整改结果">{wo.outcome}</Descriptions.Item>}
        {wo.fixLevelName && <Descriptions.Item label="群众对整改的评价">{wo.fixLevelName}</Descriptions.Item>}
        {wo.rating?.excludedAt && (
          <Descriptions.Item label="不计入统计" span={2}>
            <Typography.Text type="warning">{wo.rating.excludedReason}</Typography.Text>（{formatDateTime(wo.rating.excludedAt)}，评价保留备查）
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

const COLOURS: Record<string, string> = { open: 'red', visit: 'blue', rectify: 'blue', 'rate-fix': 'green', close: 'gray', cancel: 'gray' };

/** 工单记录: every step, oldest first — who, when, what they wrote. */
export function WorkOrderHistory({ wo }: { wo: WorkOrderDetail }) {
  return (
    <Card title="工单记录" size="small" style={{ marginBottom: 16 }} data-testid="work-order-history">
      <Timeline
        items={wo.events.map((e, i) => ({
          key: i,
          color: COLOURS[e.type] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>{e.typeName}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.byName ?? ''} · {formatDateTime(e.at)}
              </Typography.Text>
              {e.text && <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>}
              {e.data.outcome && <div style={{ fontSize: 13, color: '#595959' }}>告知群众：{e.data.outcome}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
