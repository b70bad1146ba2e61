import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useSupervisorDashboard, type DashboardCenter, type SupervisorDashboard as Data, type SupervisionNumbers } from '../api/get-dashboard';
import type { LedgerLinkSearch } from '../api/ledger-search';
import { Chart } from './chart';
import { CountLink, LIGHT_COLORS } from './count-link';
import { CardsCount, SupervisionTags, ViolationsCount } from './supervision-links';
import { TopRulesCard } from './top-rules-card';

type NumberKey = keyof SupervisionNumbers;

/** The columns of every table here, each with the ledger filter that lists the cases it counts. */
const NUMBER_COLUMNS: { key: NumberKey; title: string; hint: string; color?: string; search: (month: Data['month']) => LedgerLinkSearch }[] = [
  { key: 'red', title: '红灯', hint: '在办、已超过办结时限', color: LIGHT_COLORS.red, search: () => ({ light: 'red' }) },
  { key: 'yellow', title: '黄灯', hint: '在办、临近办结时限', color: LIGHT_COLORS.yellow, search: () => ({ light: 'yellow' }) },
  { key: 'green', title: '绿灯', hint: '在办、时间充裕', color: LIGHT_COLORS.green, search: () => ({ light: 'green' }) },
  { key: 'overdue', title: '逾期未办结', hint: '在办、已过办结期限（含暂停计时中的）', color: LIGHT_COLORS.red, search: () => ({ overdue: 'true' }) },
  { key: 'completed', title: '本月办结', hint: '本月办结的办件', search: (m) => ({ completedFrom: m.from, completedTo: m.to }) },
  { key: 'refusals', title: '本月否定报备', hint: '本月收件中退回或不予批准的办件', search: (m) => ({ view: 'refusals', from: m.from, to: m.to }) },
];

interface TreeRow extends DashboardCenter {
  children?: TreeRow[];
}

/** The flat list (root first, in tree order) as nested rows for the table. */
function treeOf(centers: readonly DashboardCenter[]): TreeRow[] {
  const rows = new Map(centers.map((c) => [c.orgId, { ...c } as TreeRow]));
  const roots: TreeRow[] = [];
  for (const c of centers) {
    const row = rows.get(c.orgId)!;
    const parent = c.parentId ? rows.get(c.parentId) : undefined;
    if (parent && c.depth > 0) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

function numberColumns<T extends { numbers: SupervisionNumbers }>(month: Data['month'], scope: (row: T) => LedgerLinkSearch, testPrefix: (row: T) => string): ColumnsType<T> {
  return NUMBER_COLUMNS.map((col) => ({
    key: col.key,
    title: <span title={col.hint}>{col.title}</span>,
    align: 'right' as const,
    width: 110,
    render: (_: unknown, row: T) => (
      <CountLink
        count={row.numbers[col.key]}
        search={{ ...scope(row), ...col.search(month) }}
        color={col.color}
        testId={`${testPrefix(row)}-${col.key}`}
        title={`${col.hint}：在办件台账中查看`}
      />
    ),
  }));
}

/**
 * 纪检监察员的监察统计 (issue 9 §4): the tree below the viewer with each center's lights, overdue, completed and
 * refused cases (every number opens the ledger filtered the same way), open violations by rule and 督办单 awaiting an
 * answer and late (each opening 监察记录 or 督办单 filtered the same way), a bar chart comparing the centers one level
 * down, twelve months of received, completed and overdue cases, and the drill-down center → windows → cases.
 */
export function SupervisorDashboard({ orgId }: { orgId: string | undefined }) {
  const navigate = useNavigate();
  const [allWindows, setAllWindows] = useState(false);
  const dashboard = useSupervisorDashboard(orgId);
  const data = dashboard.data;
  if (dashboard.isError) return <Alert type="error" showIcon title="无法读取监察统计" description={(dashboard.error as Error).message} />;
  if (!data) return <Skeleton active />;
  const drill = (id: string | undefined) => void navigate({ to: '/', search: id ? { orgId: id } : {} });
  const root = data.centers[0];
  const children = data.centers.filter((c) => c.depth === 1);

  const centerColumns: ColumnsType<TreeRow> = [
    {
      key: 'name',
      title: '中心（含下级）',
      render: (_, row) =>
        row.depth === 0 ? (
          <Typography.Text strong>{row.centerName}</Typography.Text>
        ) : (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(row.orgId)} data-testid={`drill-${row.orgId}`}>
            {row.centerName}
          </Button>
        ),
    },
    ...numberColumns<TreeRow>(data.month, (row) => ({ orgId: row.orgId }), (row) => `center-${row.orgId}`),
    ...(data.supervision.available ? supervisionColumns : []),
  ];
  const windowColumns: ColumnsType<Data['windows'][number]> = [
    { key: 'name', title: '窗口', dataIndex: 'name' },
    ...numberColumns<Data['windows'][number]>(data.month, (w) => ({ orgId: data.root.orgId, windowId: w.windowId }), (w) => `window-${w.windowId}`),
  ];

  const compared = children.length > 0 ? children : [];
  // windows with any number first-class; the idle ones behind a toggle (a county center has fifteen)
  const busyWindows = data.windows.filter((w) => Object.values(w.numbers).some((n) => n > 0));
  const idleWindows = data.windows.length - busyWindows.length;
  const s = data.supervision;
  return (
    <div data-testid="supervisor-dashboard">
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Breadcrumb
          items={data.path.map((p, i) => ({
            key: p.orgId,
            title:
              i === data.path.length - 1 ? (
                <Typography.Text strong>{p.name}</Typography.Text>
              ) : (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    drill(i === 0 ? undefined : p.orgId);
                  }}
                >
                  {p.name}
                </a>
              ),
          }))}
        />
        <Space>
          {s.available ? (
            <SupervisionTags orgId={data.root.orgId} counts={s} />
          ) : (
            <Tag>监察数据暂不可用</Tag>
          )}
          <Typography.Text type="secondary">
            本月：{data.month.from} 至 {data.month.to}
          </Typography.Text>
        </Space>
      </Space>

      <Card title={`${data.root.centerName}及下级各中心`} size="small" style={{ marginBottom: 12 }}>
        <Table<TreeRow>
          // a new root is a new tree: open it at its own first level
          key={data.root.orgId}
          data-testid="supervision-tree"
          rowKey="orgId"
          size="small"
          pagination={false}
          columns={centerColumns}
          dataSource={treeOf(data.centers)}
          expandable={{ defaultExpandedRowKeys: root ? [root.orgId] : [] }}
          loading={dashboard.isFetching && dashboard.isPlaceholderData}
        />
      </Card>

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={12}>
          <Card title={compared.length > 0 ? '各中心在办件亮灯与逾期' : '各窗口在办件亮灯与逾期'} size="small">
            <CompareChart data={data} rows={compared.length > 0 ? compared.map((c) => ({ id: c.orgId, name: c.name, numbers: c.numbers })) : data.windows.map((w) => ({ id: w.windowId, name: w.name, numbers: w.numbers }))} onPick={compared.length > 0 ? drill : undefined} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="近十二个月收件、办结和逾期" size="small">
            <TrendChart data={data} />
          </Card>
        </Col>
      </Row>

      {s.available && <TopRulesCard orgId={data.root.orgId} month={data.month.from.slice(0, 7)} />}

      <Card title={`${data.root.centerName}的窗口`} size="small" data-testid="supervision-windows">
        {data.windows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本中心未设窗口" />
        ) : (
          <>
            <Table rowKey="windowId" size="small" pagination={false} columns={windowColumns} dataSource={allWindows ? data.windows : busyWindows} locale={{ emptyText: '各窗口暂无办件' }} />
            {idleWindows > 0 && (
              <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAllWindows(!allWindows)}>
                {allWindows ? '只看有办件的窗口' : `另有 ${idleWindows} 个窗口暂无办件，显示全部窗口`}
              </Button>
            )}
          </>
        )}
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          点击数字在办件台账、监察记录或督办单中查看对应的记录；点击中心名称查看该中心的窗口和下级。
        </Typography.Text>
      </Card>
    </div>
  );
}

/** Each center's open violations (by rule) and 督办单 awaiting an answer and late, with the center and below. */
const supervisionColumns: ColumnsType<TreeRow> = [
  {
    key: 'openViolations',
    title: <span title="未处理（待说明、已说明）的监察记录，下方为各规则编号及条数">未处理违规</span>,
    align: 'right',
    width: 150,
    render: (_, row) => <ViolationsCount orgId={row.orgId} supervision={row.supervision} testId={`center-${row.orgId}-violations`} />,
  },
  {
    key: 'openCards',
    title: <span title="已发出、尚未回告的督办单（含退回重新回告的）">督办待回告</span>,
    align: 'right',
    width: 110,
    render: (_, row) => <CardsCount orgId={row.orgId} count={row.supervision.openCards} late={false} testId={`center-${row.orgId}-open-cards`} />,
  },
  {
    key: 'lateCards',
    title: <span title="已过回告期限、尚未回告的督办单">督办逾期</span>,
    align: 'right',
    width: 100,
    render: (_, row) => <CardsCount orgId={row.orgId} count={row.supervision.lateCards} late testId={`center-${row.orgId}-late-cards`} />,
  },
];

function CompareChart({ rows, onPick }: { data: Data; rows: { id: string; name: string; numbers: SupervisionNumbers }[]; onPick?: (id: string) => void }) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有下级中心或窗口" />;
  const series = (['red', 'yellow', 'green'] as const).map((light) => ({
    type: 'bar' as const,
    name: { red: '红灯', yellow: '黄灯', green: '绿灯' }[light],
    stack: 'lights',
    data: rows.map((r) => r.numbers[light]),
    itemStyle: { color: LIGHT_COLORS[light] },
    barMaxWidth: 36,
  }));
  return (
    <Chart
      height={280}
      label={rows.map((r) => `${r.name}：红灯 ${r.numbers.red}，黄灯 ${r.numbers.yellow}，绿灯 ${r.numbers.green}，逾期 ${r.numbers.overdue}`).join('；')}
      onClick={onPick ? (i) => onPick(rows[i]!.id) : undefined}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 40 },
        xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', minInterval: 1, name: '件' },
        series: [...series, { type: 'bar' as const, name: '逾期未办结', data: rows.map((r) => r.numbers.overdue), itemStyle: { color: '#820014' }, barMaxWidth: 20 }],
      }}
    />
  );
}

function TrendChart({ data }: { data: Data }) {
  const months = data.trends.map((t) => `${Number(t.month.slice(5))}月`);
  return (
    <Chart
      height={280}
      label={data.trends.map((t) => `${t.month}：收件 ${t.received}，办结 ${t.completed}，逾期 ${t.overdue}`).join('；')}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: months, boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1, name: '件' },
        series: [
          { type: 'line', name: '收件', data: data.trends.map((t) => t.received), itemStyle: { color: '#1a5fb4' }},
          { type: 'line', name: '办结', data: data.trends.map((t) => t.completed), itemStyle: { color: '#389e0d' }},
          { type: 'line', name: '逾期', data: data.trends.map((t) => t.overdue), itemStyle: { color: '#cf1322' }},
        ],
      }}
    />
  );
}
