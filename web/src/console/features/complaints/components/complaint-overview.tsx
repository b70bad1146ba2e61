import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { formatDate, formatDateTime } from '@/lib/format';
import { VISIT_RESULT_NAMES } from '@domain/complaints/complaints';
import type { ComplaintDetail } from '../api/complaints';
import { ComplaintLight, ComplaintStatusTag, UpheldTag } from './complaint-tags';

/** The complaint's GB/T 39046 表10 fields, the decision and the answer, and its merge links both ways. */
export function ComplaintOverview({ complaint: c }: { complaint: ComplaintDetail }) {
  return (
    <Card
      title={
        <Space>
          <span data-testid="complaint-no">{c.complaintNo}</span>
          <ComplaintStatusTag status={c.status} />
          <ComplaintLight light={c.light} />
          <UpheldTag upheld={c.upheld} />
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="complaint-overview"
    >
      {c.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              已并入{' '}
              <Link to="/complaints/$id" params={{ id: c.mergedInto.id }}>
                {c.mergedInto.complaintNo}（{c.mergedInto.title}）
              </Link>{' '}
              合并办理，答复随主投诉发送。
            </span>
          }
        />
      )}
      {c.mergedFrom.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="complaint-merged-from"
          title={
            <span>
              并入本投诉的：
              {c.mergedFrom.map((m, i) => (
                <span key={m.id}>
                  {i > 0 && '、'}
                  <Link to="/complaints/$id" params={{ id: m.id }}>
                    {m.complaintNo}（{m.title}）
                  </Link>
                </span>
              ))}
              ，答复时一并短信告知。
            </span>
          }
        />
      )}
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
        <Descriptions.Item label="标题" span={2}>
          {c.title}
        </Descriptions.Item>
        <Descriptions.Item label="投诉人">
          {c.complainant.name} {c.complainant.phone}
        </Descriptions.Item>
        <Descriptions.Item label="查询码">{c.queryCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="被投诉单位">{c.respondentUnit}</Descriptions.Item>
        <Descriptions.Item label="被投诉人">{c.respondentPerson ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.content}</div>
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          {c.sourceName}
          {c.caseNo && `（办件 ${c.caseNo}）`}
          {c.hotlineNo && `（12345 工单 ${c.hotlineNo}）`}
        </Descriptions.Item>
        <Descriptions.Item label="时间">{formatDateTime(c.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{c.orgName}</Descriptions.Item>
        <Descriptions.Item label="类别">{c.clsName}</Descriptions.Item>
        <Descriptions.Item label="承办人">{c.handlerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="承办时间">{formatDateTime(c.handledAt)}</Descriptions.Item>
        <Descriptions.Item label="承诺时限">{formatDate(c.dueDate)}</Descriptions.Item>
        <Descriptions.Item label="超期天数">{c.overdueDays > 0 ? <Typography.Text type="danger">{c.overdueDays} 个工作日</Typography.Text> : '0'}</Descriptions.Item>
        <Descriptions.Item label="延期时限">{c.extendedDue ? formatDate(c.extendedDue) : '—'}</Descriptions.Item>
        <Descriptions.Item label="延期原因">{c.extensionReason ?? '—'}</Descriptions.Item>
        {c.findings && (
          <Descriptions.Item label="调查情况" span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{c.findings}</div>
          </Descriptions.Item>
        )}
        {c.decisionReasons && (
          <Descriptions.Item label="处理意见" span={2}>
            {c.upheld ? '属实' : '不属实'}：{c.decisionReasons}
            {c.assessment && c.assessmentMonth && <Typography.Text type="secondary">（计入 {c.assessmentMonth} 月度考核）</Typography.Text>}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="反馈信息" span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.feedback ?? '—'}</div>
        </Descriptions.Item>
        <Descriptions.Item label="反馈时间">{formatDateTime(c.feedbackAt)}</Descriptions.Item>
        <Descriptions.Item label="回访结果">{c.visitResult ? VISIT_RESULT_NAMES[c.visitResult] : '—'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
