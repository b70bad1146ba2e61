import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '@/components/feedback/query-error';
import { useLevelNames } from '@/lib/auth';
import { MONTHLY_COUNTER_NAMES, MONTHLY_COUNTERS, type MonthlyCounter } from '@domain/agents/monthly';
import { useVillageMonthly, villageMonthlyExportUrl, type MonthlyRow } from '../api/get-monthly';

const HINTS: Record<MonthlyCounter, string> = {
  received: '本月村便民服务室收件的办件',
  finishedOnSpot: '在村里直接办结',
  forwarded: '报送到乡镇便民服务中心',
  finishedAbove: '转报后由乡镇或县级办结',
  returned: '不予受理、书面退回',
  handedBack: '上级办结后已由代办员交给群众',
};

interface Props {
  /** YYYY-MM */
  month: string;
  onMonthChange: (month: string) => void;
}

/** 村级统计: the month's table by village and item category, its 合计 row, and the Excel export. */
export function VillageMonthly({ month, onMonthChange }: Props) {
  const levelNames = useLevelNames();
  const report = useVillageMonthly(month);
  const rows = report.data?.rows ?? [];
  // each village's name once, over all its categories
  const firstOfVillage = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!firstOfVillage.has(r.villageId)) firstOfVillage.set(r.villageId, i);
  });
  const span = (r: MonthlyRow, index: number) =>
    firstOfVillage.get(r.villageId) === index ? rows.filter((x) => x.villageId === r.villageId).length : 0;

  const columns: TableColumnsType<MonthlyRow> = [
    { title: `${levelNames.village}（社区）`, dataIndex: 'villageName', width: 160, onCell: (r, i) => ({ rowSpan: span(r, i ?? 0) }) },
    { title: '事项类别', dataIndex: 'category', width: 160 },
    ...MONTHLY_COUNTERS.map((key) => ({
      title: <span title={HINTS[key]}>{MONTHLY_COUNTER_NAMES[key]}</span>,
      dataIndex: key,
      width: 100,
      align: 'right' as const,
      render: (n: number) => (n === 0 ? <Typography.Text type="secondary">0</Typography.Text> : n),
    })),
  ];
  const [y, m] = month.split('-');

  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space wrap>
          <Typography.Text>统计月份</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            format={['YYYY年M月', 'YYYY-MM', 'YYYY-M']}
            onChange={(value) => value && onMonthChange(value.format('YYYY-MM'))}
            aria-label="统计月份"
            style={{ width: 140 }}
          />
          <Typography.Text type="secondary">按收件时间统计所选月份各{levelNames.village}便民服务室收件的办件</Typography.Text>
        </Space>
        <Button icon={<DownloadOutlined />} href={villageMonthlyExportUrl(month)} download>
          导出 Excel
        </Button>
      </Space>
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <Table<MonthlyRow>
          rowKey={(r) => `${r.villageId}-${r.category}`}
          size="middle"
          bordered
          title={() => (
            <Typography.Text strong>
              {levelNames.village}级便民服务办理情况统计表（{y}年{Number(m)}月）
            </Typography.Text>
          )}
          columns={columns}
          dataSource={rows}
          loading={report.isFetching}
          pagination={false}
          locale={{ emptyText: <Typography.Text type="secondary">本月没有{levelNames.village}级收件</Typography.Text> }}
          scroll={{ x: 920 }}
          summary={() =>
            report.data && rows.length > 0 ? (
              <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }}>
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计
                </Table.Summary.Cell>
                {MONTHLY_COUNTERS.map((key, i) => (
                  <Table.Summary.Cell key={key} index={i + 2} align="right">
                    {report.data.totals[key]}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </>
  );
}
