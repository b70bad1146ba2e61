import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Select, Space, Tabs } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useTreeOrgs } from '@/features/supervision-cards/api/cards';
import { useQuarterlyAward, useTierList, useYearlyAward } from '@/features/awards/api/awards';
import { flagRule, modelRule, RuleNotes, tierRule } from '@/features/awards/components/rule-notes';
import { TierTable } from '@/features/awards/components/tier-table';
import { TopTable } from '@/features/awards/components/top-table';
import { quarterTitle } from '@/features/awards/components/text';
import { centerNow } from '@/lib/format';

const route = getRouteApi('/console/awards');

export type AwardTab = 'quarterly' | 'yearly' | 'tiers';

const quarterOfDay = (d: dayjs.Dayjs) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
const dayOfQuarter = (q: string) => dayjs(`${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`);

const STABLE = '“获得”的不会因后续关账而改变；“尚待关账确定”的要看这些月份的排名。';
const TIERS_PROVISIONAL = '档次按已关账月份临时计算，全部关账后才能确定，请勿据此发放。';

/**
 * 评先评优 (/awards): the quarterly 优质服务窗口（流动红旗）, the yearly 优质服务标兵 and the year-end tiers of the
 * chosen center (or the tree below it), each with its rule in words, the months not yet closed, and a printable list.
 */
export function AwardsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const tab: AwardTab = search.tab ?? 'quarterly';
  const orgs = useTreeOrgs(true);
  const quarterly = useQuarterlyAward({ orgId: search.orgId, quarter: search.quarter }, tab === 'quarterly');
  const yearly = useYearlyAward({ orgId: search.orgId, year: search.year }, tab === 'yearly');
  const tiers = useTierList({ orgId: search.orgId, year: search.year }, tab === 'tiers');
  const current = tab === 'quarterly' ? quarterly : tab === 'yearly' ? yearly : tiers;
  const set = (q: Partial<typeof search>) => void navigate({ search: { ...search, ...q } });
  const centers = orgs.data?.orgs.filter((o) => o.level !== 'village') ?? [];
  const year = search.year ?? yearly.data?.year ?? tiers.data?.year ?? (quarterly.data ? Number(quarterly.data.quarter.slice(0, 4)) : undefined);
  const quarter = search.quarter ?? quarterly.data?.quarter;

  const printSearch = tab === 'quarterly' ? { kind: tab, orgId: search.orgId, quarter } : { kind: tab, orgId: search.orgId, year };

  return (
    <>
      <PageHeader
        title="评先评优"
        description="按月度考核排名评定季度优质服务窗口（流动红旗）、年度优质服务标兵和年终考核档次；只计入已关账的月份。"
        extra={
          <Space wrap>
            {centers.length > 1 && (
              <Select
                style={{ minWidth: 220 }}
                value={search.orgId ?? null}
                placeholder="本中心及下级全部中心"
                allowClear
                onChange={(v) => set({ orgId: v ?? undefined })}
                options={centers.map((o) => ({ value: o.id, label: o.centerName }))}
                aria-label="评定范围"
                data-testid="award-org"
              />
            )}
            {tab === 'quarterly' ? (
              <DatePicker
                picker="quarter"
                allowClear={false}
                value={quarter ? dayOfQuarter(quarter) : undefined}
                format={(d) => quarterTitle(quarterOfDay(d))}
                disabledDate={(d) => d.isAfter(centerNow(), 'month')}
                onChange={(d) => d && set({ quarter: quarterOfDay(d) })}
                aria-label="评定季度"
                data-testid="award-quarter"
              />
            ) : (
              <DatePicker
                picker="year"
                allowClear={false}
                value={year ? dayjs(`${year}-01-01`) : undefined}
                format="YYYY年"
                disabledDate={(d) => d.isAfter(centerNow(), 'year')}
                onChange={(d) => d && set({ year: d.year() })}
                aria-label="评定年度"
                data-testid="award-year"
              />
            )}
            <Link to="/awards/print" search={printSearch} disabled={!current.data}>
              <Button type="primary" icon={<PrinterOutlined />} disabled={!current.data} data-testid="award-print">
                打印名单
              </Button>
            </Link>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k as AwardTab })}
        items={[
          { key: 'quarterly', label: '优质服务窗口（流动红旗）' },
          { key: 'yearly', label: '优质服务标兵' },
          { key: 'tiers', label: '年终考核档次' },
        ]}
      />
      {current.isPending ? (
        <PageLoading />
      ) : current.isError ? (
        <QueryError error={current.error} onRetry={() => void current.refetch()} />
      ) : tab === 'quarterly' && quarterly.data ? (
        <Card title={`${quarterTitle(quarterly.data.quarter)}优质服务窗口（流动红旗）`} data-testid="award-card">
          <RuleNotes rule={flagRule(quarterly.data.settings, quarterly.data.required)} missing={quarterly.data.missing} complete={quarterly.data.complete} provisional={STABLE} />
          <TopTable entries={quarterly.data.entries} months={quarterly.data.months} top={quarterly.data.top} subject="窗口" showCenter={quarterly.data.scope.centers.length > 1} testId="flag-table" />
        </Card>
      ) : tab === 'yearly' && yearly.data ? (
        <Card title={`${yearly.data.year}年度优质服务标兵`} data-testid="award-card">
          <RuleNotes rule={modelRule(yearly.data.settings)} missing={yearly.data.missing} complete={yearly.data.complete} provisional={STABLE} />
          <TopTable entries={yearly.data.entries} months={yearly.data.months} top={yearly.data.top} subject="姓名" showCenter={yearly.data.scope.centers.length > 1} testId="model-table" />
        </Card>
      ) : tiers.data ? (
        <Card title={`${tiers.data.year}年度考核档次`} data-testid="award-card">
          <RuleNotes rule={tierRule(tiers.data.settings)} missing={tiers.data.missing} complete={tiers.data.complete} provisional={TIERS_PROVISIONAL} />
          <TierTable list={tiers.data} showCenter={tiers.data.scope.centers.length > 1} />
        </Card>
      ) : null}
    </>
  );
}
