import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { atCenter, centerNow } from '@/lib/format';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useMe } from '@/lib/auth';
import { Chart } from '@/features/dashboard/components/chart';
import { reportExportUrl, useSupervisionReport } from '@/features/supervision/api/report';
import { ReportTable } from '@/features/supervision/components/report-table';
import '@shared/report-sheet.css';

const route = getRouteApi('/console/supervision/report');

const monthTitle = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
};

/**
 * 监察月报 (/supervision/report): a month's cases, violations and 督办单 per center below the chosen organisation,
 * the rules fired most, printed on A4 (landscape) or downloaded as Excel.
 */
export function SupervisionReportPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const me = useMe();
  const report = useSupervisionReport(search);
  const data = report.data;
  const query = { month: data?.month ?? search.month, orgId: search.orgId };

  return (
    <>
      <PageHeader
        title="监察月报"
        description="按月统计下级各中心的收件、办结、超期，监察记录（按规则、按状态）和督办单；可打印或导出 Excel"
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={data ? dayjs(`${data.month}-01`) : undefined}
              disabledDate={(d) => d.isAfter(centerNow(), 'month')}
              onChange={(d) => d && void navigate({ search: { ...search, month: d.format('YYYY-MM') } })}
              aria-label="统计月份"
              data-testid="report-month"
            />
            {search.orgId && <Button onClick={() => void navigate({ search: { month: search.month } })}>回到本级</Button>}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data} data-testid="report-print">
              打印
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} href={reportExportUrl(query)} disabled={!data} data-testid="report-export">
              导出 Excel
            </Button>
          </Space>
        }
      />
      {report.isPending ? (
        <PageLoading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <div className="report-sheet">
          <Card style={{ marginBottom: 12 }}>
            <h2 className="report-sheet-title" data-testid="report-title">
              {data!.org.name}便民服务电子监察月报（{monthTitle(data!.month)}）
            </h2>
            <div className="report-sheet-meta">
              <span>填报单位：{data!.org.centerName}</span>
              <span>
                统计期间：{data!.from} 至 {data!.to}
              </span>
              <span>制表人：{me.user.name}</span>
              <span>制表日期：{atCenter(data!.generatedAt).format('YYYY-MM-DD')}</span>
            </div>
            <ReportTable report={data!} onCenter={(orgId) => void navigate({ search: { ...search, orgId } })} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              说明：超期指本月办结时已超过承诺期限，或到月末仍未办结且已过期限的办件；按时办结率＝按时办结数÷办结数；监察记录按触发时间、督办单按发出时间统计。
            </Typography.Paragraph>
          </Card>
          <Card title="该月触发最多的监察规则" size="small">
            {data!.topRules.length === 0 ? (
              <Empty description="该月没有监察记录" />
            ) : (
              <Chart
                height={Math.max(160, data!.topRules.length * 36 + 40)}
                label={`本月触发最多的监察规则：${data!.topRules.map((r) => `${r.ruleNumber} ${r.name} ${r.count} 次`).join('，')}`}
                option={{
                  grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: { type: 'category', inverse: true, data: data!.topRules.map((r) => `${r.ruleNumber} ${r.name}`) },
                  series: [{ type: 'bar', name: '次数', barMaxWidth: 28, data: data!.topRules.map((r) => r.count), label: { show: true, position: 'right' }, itemStyle: { color: '#cf1322' } }],
                }}
                onClick={(i) => {
                  const rule = data!.topRules[i];
                  if (rule) void go({ to: '/supervision/violations', search: { ruleCode: rule.ruleCode, month: data!.month } });
                }}
              />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
