import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { atCenter } from '@/lib/format';
import { groupsOf } from '@domain/standards/checklist';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useRound, useSubmitRound, type Round } from '@/features/standards/api/standards';
import { GapCard } from '@/features/standards/components/gap-card';
import { InspectPanel } from '@/features/standards/components/inspect-panel';
import { SelfItem } from '@/features/standards/components/self-item';
import '@/features/standards/components/standards.css';

const route = getRouteApi('/console/standards/rounds/$id');

const STATUS_COLORS: Record<Round['status'], string> = { draft: 'default', submitted: 'processing', rectifying: 'orange', closed: 'green' };

function Totals({ round }: { round: Round }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <div className="standards-totals">
        <Statistic title="自评得分" value={round.selfTotal} suffix="/ 100" />
        <Statistic title="检查得分" value={round.inspectedTotal ?? '—'} suffix={round.inspectedTotal === null ? undefined : '/ 100'} />
        <Statistic title="已填写" value={round.selfAnswered} suffix={`/ ${round.items.length} 项`} />
        {round.gaps.length > 0 && <Statistic title="整改项（未确认）" value={round.gaps.filter((g) => g.status !== 'confirmed').length} suffix={`/ ${round.gaps.length}`} />}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        按{round.checklist.title}（第 {round.checklist.version} 版）
        {round.submittedAt && `；${round.submittedByName}于 ${atCenter(round.submittedAt).format('YYYY-MM-DD')} 提交自评`}
        {round.inspectedOn && `；${round.inspectedByName}于 ${round.inspectedOn} 检查评分`}
      </Typography.Paragraph>
    </Card>
  );
}

/** 提交自评: only when every item is filled in; what is missing is named. */
function SubmitBar({ round }: { round: Round }) {
  const submit = useSubmitRound(round.id);
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const missing = round.items.filter((i) => round.selfMissing.includes(i.code)).map((i) => i.title);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {missing.length > 0 ? (
          <Typography.Text type="warning">还有 {missing.length} 项没有填写：{missing.join('、')}</Typography.Text>
        ) : (
          <Typography.Text>每项都已填写，自评 {round.selfTotal} 分。提交后由县级检查评分，不能再修改。</Typography.Text>
        )}
        <Popconfirm title={`提交自评（${round.selfTotal} 分）？提交后不能修改。`} okText="提交" cancelText="再看看" disabled={missing.length > 0} onConfirm={() => submit.mutate({ expectedVersion: round.version }, { onSuccess: () => message.success('自评已提交，等县级检查。'), onError: (e) => showError(e) })}>
          <Button type="primary" size="large" block disabled={missing.length > 0} loading={submit.isPending}>
            提交自评
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}

/**
 * 一轮标准化建设 (/standards/rounds/$id): the center fills in its self-assessment item by item with photos and submits;
 * the county scores each item and sets deadlines; the gaps are rectified (photo + note) and confirmed; the timeline
 * keeps every step. Laid out to work on a village agent's phone.
 */
export function StandardsRoundPage() {
  const { id } = route.useParams();
  const query = useRound(id);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const round = query.data;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span>
              {round.orgName} {round.year} 年标准化建设
            </span>
            <Tag color={STATUS_COLORS[round.status]} data-testid="round-status">
              {round.statusName}
            </Tag>
          </Space>
        }
        description={round.can.answer ? '逐项如实填写，每项可拍照或上传现场照片，保存后自动计算得分；全部填写后提交自评。' : undefined}
        extra={
          <Link to="/standards">
            <Button icon={<ArrowLeftOutlined />}>标准化建设情况表</Button>
          </Link>
        }
      />
      {round.checklist.newerVersion && round.status === 'draft' && (
        <Alert style={{ marginBottom: 12 }} type="info" showIcon title={`检查表已有第 ${round.checklist.newerVersion} 版，本年度自评仍按开始时的第 ${round.checklist.version} 版。`} />
      )}
      <Totals round={round} />
      {round.gaps.length > 0 && (
        <Card title="整改项" size="small" style={{ marginBottom: 12 }} data-testid="gaps">
          {round.gaps.map((g) => (
            <GapCard key={`${g.id}-${g.version}`} round={round} gap={g} />
          ))}
        </Card>
      )}
      {round.can.inspect ? (
        <InspectPanel key={round.version} round={round} />
      ) : (
        groupsOf(round.items).map((g) => (
          <Card key={g.group} title={g.group} size="small" style={{ marginBottom: 12 }}>
            {g.items.map((item) => (
              <div key={item.code}>
                <SelfItem round={round} item={item} />
                {item.inspectedScore !== null && (
                  <Space wrap style={{ marginBottom: 8 }}>
                    <Tag color={item.inspectedScore === item.points ? 'green' : 'red'}>
                      检查 {item.inspectedScore} / {item.points} 分
                    </Tag>
                    {item.inspectedValue !== null && <Typography.Text type="secondary">实测 {item.inspectedValue} {item.unit}</Typography.Text>}
                    {item.inspectNote && <Typography.Text type="danger">{item.inspectNote}</Typography.Text>}
                  </Space>
                )}
              </div>
            ))}
          </Card>
        ))
      )}
      {round.can.submit && <SubmitBar round={round} />}
      <Card title="过程记录" size="small">
        <Timeline
          items={round.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{e.actionName}</Typography.Text> <Typography.Text type="secondary">{atCenter(e.at).format('YYYY-MM-DD HH:mm')} · {e.byName}</Typography.Text>
                {e.detail && <div>{e.detail}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
