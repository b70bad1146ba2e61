import { Alert, Card, Col, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { atCenter } from '@/lib/format';
import type { ReactNode } from 'react';
import { useDirectorDashboard, type DirectorDashboard as Data } from '../api/get-dashboard';
import type { LedgerLinkSearch } from '../api/ledger-search';
import { CaseSampleList } from './case-sample-list';
import { Chart } from './chart';
import { CountLink, LIGHT_COLORS } from './count-link';
import { CardsCount, openViolationsSearch } from './supervision-links';

function Tile({ label, hint, children, testId }: { label: string; hint: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" data-testid={testId} styles={{ body: { padding: '12px 16px' } }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 28, lineHeight: '40px' }}>{children}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Card>
  );
}

function TodayNumbers({ data }: { data: Data }) {
  const n = data.todayNumbers;
  const today = { from: data.today, to: data.today };
  const items: { label: string; value: number; search?: LedgerLinkSearch }[] = [
    { label: '收件', value: n.received, search: today },
    { label: '受理', value: n.accepted },
    { label: '办结', value: n.completed, search: { completedFrom: data.today, completedTo: data.today } },
    { label: '退回', value: n.returned },
  ];
  return (
    <Card title="今日数字" size="small" data-testid="today-numbers">
      <Row gutter={8}>
        {items.map((item) => (
          <Col span={6} key={item.label} style={{ textAlign: 'center' }}>
            <div style={{ fontSize: 22 }}>{item.search ? <CountLink count={item.value} search={item.search} /> : item.value}</div>
            <Typography.Text type="secondary">{item.label}</Typography.Text>
          </Col>
        ))}
      </Row>
      <Chart
        height={150}
        label={`今日收件 ${n.received} 件，受理 ${n.accepted} 件，办结 ${n.completed} 件，退回 ${n.returned} 件`}
        option={{
          grid: { left: 32, right: 8, top: 16, bottom: 24 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: items.map((i) => i.label) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', name: '件数', data: items.map((i) => i.value), itemStyle: { color: '#1a5fb4' }, barWidth: 28 }],
        }}
      />
    </Card>
  );
}

function PresenceCard({ data }: { data: Data }) {
  const { present, away, unmanned } = data.presence;
  return (
    <Card
      title="在岗情况"
      size="small"
      data-testid="director-presence"
      extra={
        <Link to="/presence" style={{ fontSize: 13 }}>
          在岗登记
        </Link>
      }
    >
      {unmanned.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={`无人在岗的窗口：${unmanned.map((w) => w.windowName).join('、')}，请安排顶岗`} />
      )}
      <div style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">在岗 {present.length} 人：</Typography.Text>
        <Space size={[4, 4]} wrap>
          {present.map((p) => (
            <Tag key={p.id} color="green">
              {p.name}
            </Tag>
          ))}
        </Space>
      </div>
      <div>
        <Typography.Text type="secondary">离岗 {away.length} 人：</Typography.Text>
        {away.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            {away.map((p) => (
              <span key={p.id}>
                <Tag color="orange">{p.name}</Tag>
                {p.awayReason ?? '离岗'}
                {p.awaySince && <Typography.Text type="secondary">（{atCenter(p.awaySince).format('M月D日 HH:mm')} 起）</Typography.Text>}
              </span>
            ))}
          </Space>
        )}
      </div>
    </Card>
  );
}

/**
 * Online applications returned at pre-review and not reviewed yet: refusals like the returned cases above them
 * (rule 2), each opening the application page where the director reviews it.
 */
function ApplicationRefusalList({ sample }: { sample: Data['applicationRefusalsToReview'] }) {
  if (sample.total === 0) return null;
  return (
    <div data-testid="director-application-refusals">
      <List
        size="small"
        header={<Typography.Text type="secondary">退回的网上申请</Typography.Text>}
        dataSource={sample.applications}
        renderItem={(a) => (
          <List.Item style={{ display: 'block' }}>
            <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
              <Link to="/applications/$id" params={{ id: a.id }} style={{ whiteSpace: 'nowrap' }}>
                {a.applicationNo}
              </Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', whiteSpace: 'nowrap' }}>
                {a.statusName}
              </Typography.Text>
            </div>
            <Typography.Text ellipsis style={{ display: 'block' }}>
              {a.itemName} · {a.applicant.name}
            </Typography.Text>
          </List.Item>
        )}
      />
      {sample.total > sample.applications.length && (
        <div style={{ textAlign: 'right', marginTop: 4 }}>
          <Link to="/applications" search={{ view: 'refusals-to-review' }}>
            查看全部 {sample.total} 份
          </Link>
        </div>
      )}
    </div>
  );
}

/**
 * 中心主任的工作台 (issue 9 §4): the exceptions first — red and yellow cases, what is due today, extensions to
 * approve and refusals to review, open violations and cards — then who is present and today's numbers. Every
 * number opens the ledger with the filter it counted.
 */
export function DirectorDashboard() {
  const dashboard = useDirectorDashboard();
  const data = dashboard.data;
  if (!data) return <Skeleton active style={{ marginBottom: 16 }} />;
  const s = data.supervision;
  return (
    <div data-testid="director-dashboard" style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {data.orgName} · {dayjs(data.today).format('M月D日')} 需要关注
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={8} xl={4}>
          <Tile label="红灯（已超时）" hint="请立即督办" testId="tile-red">
            <CountLink count={data.lights.red} search={{ light: 'red' }} color={LIGHT_COLORS.red} testId="director-red-count" />
          </Tile>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Tile label="黄灯（临近期限）" hint="即将到期，请抓紧办理" testId="tile-yellow">
            <CountLink count={data.lights.yellow} search={{ light: 'yellow' }} color={LIGHT_COLORS.yellow} testId="director-yellow-count" />
          </Tile>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Tile label="今日到期" hint="今天下班前须办结" testId="tile-due-today">
            <CountLink count={data.dueToday.total} search={{ view: 'due-today' }} testId="director-due-today-count" />
          </Tile>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Tile label="延期待批" hint="须在承诺期限前审批" testId="tile-extensions">
            <CountLink count={data.extensions.total} search={{ view: 'extensions' }} />
          </Tile>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Tile
            label="否定报备待审查"
            hint={
              data.applicationRefusalsToReview.total > 0 ? (
                <>
                  其中{' '}
                  <Link to="/applications" search={{ view: 'refusals-to-review' }} data-testid="director-application-refusals-count">
                    {data.applicationRefusalsToReview.total}
                  </Link>{' '}
                  份是退回的网上申请
                </>
              ) : (
                '退回件、不予批准件和退回的网上申请'
              )
            }
            testId="tile-refusals"
          >
            {/* the same total as the list below: cases and online applications; the number opens the cases, the hint the applications */}
            {data.refusalsToReview.total === 0 && data.applicationRefusalsToReview.total > 0 ? (
              <Link to="/applications" search={{ view: 'refusals-to-review' }} style={{ fontWeight: 600 }} title="查看退回的网上申请">
                {data.applicationRefusalsToReview.total}
              </Link>
            ) : (
              <CountLink count={data.refusalsToReview.total + data.applicationRefusalsToReview.total} search={{ view: 'refusals-to-review' }} />
            )}
          </Tile>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Tile
            label="电子监察"
            hint={
              s.available ? (
                <>
                  督办单待回告 <CardsCount orgId={undefined} count={s.openCards} late={false} testId="director-open-cards" /> 件
                  {s.lateCards > 0 && (
                    <>
                      ，逾期 <CardsCount orgId={undefined} count={s.lateCards} late testId="director-late-cards" /> 件
                    </>
                  )}
                </>
              ) : (
                '监察数据暂不可用'
              )
            }
            testId="tile-supervision"
          >
            <span title="未处理（待说明、已说明）的违规记录">
              {s.openViolations > 0 ? (
                <Link to="/supervision/violations" search={openViolationsSearch(data.orgId)} style={{ color: '#cf1322' }} data-testid="director-open-violations">
                  {s.openViolations}
                </Link>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 28 }} data-testid="director-open-violations">
                  0
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {' '}
                条违规待处理
              </Typography.Text>
            </span>
          </Tile>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Card title="红灯、黄灯办件（请优先办理）" size="small" data-testid="director-lights">
              <CaseSampleList sample={data.red} search={{ light: 'red' }} empty="没有红灯办件" testId="director-red-list" />
              {data.yellow.total > 0 && <CaseSampleList sample={data.yellow} search={{ light: 'yellow' }} empty="没有黄灯办件" testId="director-yellow-list" />}
            </Card>
            <Card title={`今日到期（${data.dueToday.total} 件）`} size="small">
              <CaseSampleList sample={data.dueToday} search={{ view: 'due-today' }} empty="今天没有到期的办件" />
            </Card>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Card title={`延期待批（${data.extensions.total} 件）`} size="small">
                  <CaseSampleList sample={data.extensions} search={{ view: 'extensions' }} empty="没有待审批的延期申请" />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card title={`否定报备待审查（${data.refusalsToReview.total + data.applicationRefusalsToReview.total} 件）`} size="small" data-testid="director-refusals">
                  {data.refusalsToReview.total === 0 && data.applicationRefusalsToReview.total === 0 ? (
                    <CaseSampleList sample={data.refusalsToReview} search={{ view: 'refusals-to-review' }} empty="没有待审查的否定报备" />
                  ) : (
                    <>
                      {data.refusalsToReview.total > 0 && <CaseSampleList sample={data.refusalsToReview} search={{ view: 'refusals-to-review' }} empty="没有待审查的退回件" />}
                      <ApplicationRefusalList sample={data.applicationRefusalsToReview} />
                    </>
                  )}
                </Card>
              </Col>
            </Row>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <PresenceCard data={data} />
            <TodayNumbers data={data} />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
