import { App, Button, Card, Descriptions, Form, Input, Radio, Space, Timeline, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { isApiError, isVersionConflict } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useDecideViolation, useExplainViolation, type ViolationDetail } from '../api/violations';
import { SeverityTag, ViolationStatusTag } from './tags';

/** What fired, at which center, and the facts, in Chinese. */
export function ViolationFacts({ v }: { v: ViolationDetail }) {
  return (
    <Card title={`${v.ruleNumber} ${v.ruleName}`} extra={<ViolationStatusTag status={v.status} />} style={{ marginBottom: 16 }}>
      <Typography.Paragraph data-testid="violation-facts-text" style={{ fontSize: 15 }}>
        {v.factsText}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="监察规则编号">{v.ruleNumber}</Descriptions.Item>
        <Descriptions.Item label="监察预警类型">
          <SeverityTag severity={v.severity} name={v.severityName} />
        </Descriptions.Item>
        <Descriptions.Item label="办件编号">
          <Link to="/cases/$id" params={{ id: v.caseId }}>
            {v.caseNo}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label="责任中心">{v.orgName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="窗口">{v.windowName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="责任人">
          <span data-testid="violation-person">{v.person?.name ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="状态产生时间">{formatDateTime(v.occurredAt)}</Descriptions.Item>
        <Descriptions.Item label="记录时间">{formatDateTime(v.at)}</Descriptions.Item>
        {v.factLines.map((line) => (
          <Descriptions.Item key={line.label} label={line.label}>
            <span data-testid="violation-fact">{line.value}</span>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** The violation's own steps and the case's, side by side in time. */
export function ViolationTimelines({ v }: { v: ViolationDetail }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title="处理经过">
        <Timeline
          items={v.events.map((e) => ({
            key: `${e.type}-${e.at}`,
            children: (
              <>
                <Typography.Text strong>
                  {formatDateTime(e.at)} {e.name}
                </Typography.Text>
                {e.by && <Typography.Text type="secondary"> · {e.by}</Typography.Text>}
                {e.text && <div>{e.text}</div>}
              </>
            ),
          }))}
        />
      </Card>
      <Card title="办件过程">
        <Timeline
          items={v.caseEvents.map((e, i) => ({
            key: `${i}`,
            children: (
              <>
                {formatDateTime(e.at)} {e.name}
                {e.by && <Typography.Text type="secondary"> · {e.by}</Typography.Text>}
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}

const errorText = (error: unknown) =>
  isVersionConflict(error) ? '这条监察记录刚被他人处理过，页面已刷新，请查看最新内容。' : isApiError(error) ? error.title : '提交失败，请稍后重试。';

/** The center's explanation and the supervisor's decision, as far as the viewer may act. */
export function ViolationActions({ v }: { v: ViolationDetail }) {
  const explain = useExplainViolation();
  const decide = useDecideViolation();
  const { message } = App.useApp();
  const [explainForm] = Form.useForm<{ reason: string }>();
  const [decideForm] = Form.useForm<{ decision: 'confirm' | 'dismiss'; reason: string }>();

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {v.explanation && (
        <Card title="中心的情况说明" size="small">
          <Typography.Paragraph style={{ marginBottom: 4 }}>{v.explanation.reason}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {v.explanation.by?.name ?? ''} {formatDateTime(v.explanation.at)}
          </Typography.Text>
        </Card>
      )}
      {v.decision && (
        <Card title={`纪检监察员${v.decision.decisionName}`} size="small">
          <Typography.Paragraph style={{ marginBottom: 4 }}>{v.decision.reason}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {v.decision.by?.name ?? ''} {formatDateTime(v.decision.at)}
          </Typography.Text>
        </Card>
      )}
      {v.allowed.explain && (
        <Card title="说明情况" size="small">
          <Form
            form={explainForm}
            layout="vertical"
            onFinish={({ reason }) =>
              explain.mutate(
                { id: v.id, expectedVersion: v.version, reason },
                { onSuccess: () => message.success('情况说明已提交，等待纪检监察员认定'), onError: (e) => message.error(errorText(e)) },
              )
            }
          >
            <Form.Item name="reason" label="发生的原因、是否已纠正" rules={[{ required: true, whitespace: true, message: '请写明情况说明' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={explain.isPending}>
              提交说明
            </Button>
          </Form>
        </Card>
      )}
      {v.allowed.decide && (
        <Card title="认定" size="small">
          <Form
            form={decideForm}
            layout="vertical"
            initialValues={{ decision: 'confirm' }}
            onFinish={({ decision, reason }) =>
              decide.mutate(
                { id: v.id, expectedVersion: v.version, decision, reason },
                { onSuccess: (d) => message.success(`已${d.decision?.decisionName ?? '处理'}`), onError: (e) => message.error(errorText(e)) },
              )
            }
          >
            <Form.Item name="decision" label="结论">
              <Radio.Group
                options={[
                  { value: 'confirm', label: '认定违规' },
                  { value: 'dismiss', label: '撤销（不属于违规）' },
                ]}
              />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请写明认定或撤销的理由' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              提交
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
