import { Alert, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '@/lib/format';
import type { Case } from '../api/case-schema';
import { CHANNEL_NAMES, DELIVERY_NAMES } from '@domain/vocabulary/channels';
import { HANDLING_MODE_NAMES } from '@domain/vocabulary/handling';
import { OUTCOME_NAMES } from '@domain/vocabulary/outcomes';
import { REVIEW_OPINION_NAMES } from '@domain/vocabulary/reviews';
import { KindTag, LightDot, StatusTag } from './case-tags';
import { ProvisionalTag } from '@/components/calendar/provisional-tag';

/** The header of a case: number, item, six-kind tag, status, light, dates. */
export function CaseHeader({ c }: { c: Case }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space wrap align="center" size={[12, 8]} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-no">
          {c.caseNo}
        </Typography.Title>
        <KindTag kind={c.sixKind} />
        <span data-testid="case-status">
          <StatusTag status={c.status} />
        </span>
        <LightDot light={c.light} />
        {c.proxy && <Tag color={c.proxy.authorized ? 'geekblue' : 'default'}>{HANDLING_MODE_NAMES[c.proxy.authorized ? 'proxy' : 'help']}</Tag>}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label="办理事项">
          {c.itemName}（{c.itemCode}）
        </Descriptions.Item>
        <Descriptions.Item label="收件渠道">{CHANNEL_NAMES[c.channel]}</Descriptions.Item>
        <Descriptions.Item label="收件时间">{formatDateTime(c.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="受理时间">{c.acceptedAt ? formatDateTime(c.acceptedAt) : '未受理（计时未开始）'}</Descriptions.Item>
        <Descriptions.Item label="承诺办结时间">
          <Typography.Text strong={c.light === 'red' || c.light === 'yellow'} type={c.light === 'red' ? 'danger' : undefined}>
            {formatDateTime(c.dueAt)}
          </Typography.Text>
          <ProvisionalTag show={c.dueAt ? c.dueProvisional : false} />
        </Descriptions.Item>
        {c.legalDueAt && (
          <Descriptions.Item label="法定办结时间">
            {formatDateTime(c.legalDueAt)}
            <ProvisionalTag show={c.legalDueProvisional} testId="legal-due-provisional" />
          </Descriptions.Item>
        )}
        {c.outcome && (
          <Descriptions.Item label="办理结果">
            <Tag color={c.outcome === 'approved' ? 'success' : 'error'}>{OUTCOME_NAMES[c.outcome]}</Tag>
            {c.resultNo && `文号：${c.resultNo}`}
          </Descriptions.Item>
        )}
        {c.completedAt && <Descriptions.Item label="办结时间">{formatDateTime(c.completedAt)}</Descriptions.Item>}
        {c.delivery && (
          <Descriptions.Item label="结果送达">
            {DELIVERY_NAMES[c.delivery.method]}，{formatDateTime(c.delivery.at)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export function ApplicantCard({ c }: { c: Case }) {
  const org = c.applicant.kind === 'organization';
  return (
    <Card title="申请人" size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={org ? '单位名称' : '姓名'}>{c.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={org ? '统一社会信用代码' : '身份证号码'}>
          <span style={{ fontFamily: 'monospace' }}>{c.applicant.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label="联系电话">{c.applicant.phone}</Descriptions.Item>
        {c.applicant.address && <Descriptions.Item label="地址">{c.applicant.address}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/** The materials of the guide, each provided or missing; supplement notice, refusal, extension, joint reviews. */
export function CaseMaterials({ c }: { c: Case }) {
  const provided = new Set(c.materials.provided);
  return (
    <Card title="申报材料（对照办事指南）" size="small" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={c.materials.guide}
        renderItem={(m) => (
          <List.Item>
            <Space>
              <Tag color={m.main ? 'red' : 'default'}>{m.main ? '主件' : '附件'}</Tag>
              <span>{m.name}</span>
            </Space>
            {provided.has(m.name) ? <Tag color="success">已提供</Tag> : <Tag color="warning">未提供</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}

export function CaseNotes({ c }: { c: Case }) {
  const reviewed = new Map(c.reviews.map((r) => [r.department, r]));
  return (
    <>
      {c.refusal && (
        <Alert
          style={{ marginBottom: 16 }}
          type="error"
          showIcon
          title={c.status === 'returned' ? '退回理由和依据' : '不予批准的理由和依据'}
          description={
            <>
              <div>理由：{c.refusal.reasons}</div>
              <div>依据：{c.refusal.basis}</div>
              {c.refusalReview && (
                <div>
                  否定报备审查：{c.refusalReview.opinion === 'questioned' ? '有异议' : '同意'}（{formatDateTime(c.refusalReview.at)}）
                </div>
              )}
              {c.refusalObjection && (
                <div data-testid="refusal-objection">
                  <div>
                    主任异议：{c.refusalObjection.comment}（{c.refusalObjection.by}）
                  </div>
                  <div>
                    {c.refusalObjection.answer
                      ? `窗口答复：${c.refusalObjection.answer.text}（${c.refusalObjection.answer.by}，${formatDateTime(c.refusalObjection.answer.at)}）`
                      : '窗口答复：尚未答复'}
                  </div>
                </div>
              )}
            </>
          }
        />
      )}
      {/* a returned or withdrawn case asks for nothing any more: no 需补正材料 on it */}
      {c.supplementNotice && c.status !== 'returned' && c.status !== 'withdrawn' && (
        <Alert
          style={{ marginBottom: 16 }}
          type="warning"
          showIcon
          title={`一次性告知（${formatDateTime(c.supplementNotice.at)}）`}
          description={
            <>
              <div>需补正材料：{c.supplementNotice.missing.join('、')}</div>
              {c.supplementNotice.defectNote && <div>缺陷说明：{c.supplementNotice.defectNote}</div>}
              {c.defectRequests.map((d) => (
                <div key={d.at}>
                  {formatDateTime(d.at)} 已交材料有缺陷，要求重新提交：{d.materials.join('、')}（{d.note}）
                </div>
              ))}
              <div data-testid="outstanding-materials">尚缺：{c.outstandingMaterials.join('、') || '无（已补齐）'}</div>
            </>
          }
        />
      )}
      {c.pendingExtension && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`延期申请待中心主任审批：延长 ${c.pendingExtension.days} 个工作日`}
          description={`理由：${c.pendingExtension.reason}（${formatDateTime(c.pendingExtension.requestedAt)} 提出）`}
        />
      )}
      {c.activeStep && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`特殊环节进行中：${c.activeStep.name}（时限 ${c.activeStep.limitDays} 个工作日${c.activeStep.countsTowardLegal ? '，计入法定时限' : '，不计入法定时限'}）`}
        />
      )}
      {c.transit && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={`${c.transit.to === 'county' ? '已上报县级，等待县政务服务中心接收' : '已转报乡镇，等待乡镇便民服务中心接收'}${c.transit.urgent ? '（急件）' : ''}`}
          description={`报送时间：${formatDateTime(c.transit.at)}`}
        />
      )}
      {c.jointDepartments.length > 0 && (
        <Card title="联办部门审核（并联办理）" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={[8, 8]}>
            {c.jointDepartments.map((d) => {
              const r = reviewed.get(d);
              return (
                <Col key={d} span={24}>
                  <Space wrap>
                    <Typography.Text strong>{d}</Typography.Text>
                    {r ? (
                      <>
                        <Tag color={r.opinion === 'agree' ? 'success' : 'error'}>{REVIEW_OPINION_NAMES[r.opinion]}</Tag>
                        <Typography.Text type="secondary">
                          {r.comment} {formatDateTime(r.at)}
                        </Typography.Text>
                      </>
                    ) : (
                      <Tag>待审核</Tag>
                    )}
                  </Space>
                </Col>
              );
            })}
          </Row>
        </Card>
      )}
    </>
  );
}
