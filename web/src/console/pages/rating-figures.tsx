import { Card, DatePicker, Segmented, Select, Space } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useTreeOrgs } from '@/features/supervision-cards/api/cards';
import { useFigures } from '@/features/evaluation-work-orders/api/work-orders';
import { FiguresBars, FiguresTable } from '@/features/evaluation-work-orders/components/figures-chart';
import { FIGURE_GROUPINGS, FIGURE_GROUPING_NAMES, type FigureGrouping } from '@domain/evaluation/figures';

const route = getRouteApi('/console/evaluations/figures');

/** 评价统计: 好评率, 主动评价率, 差评整改率 per window, person, item or center for a period (upheld appeals excluded). */
export function RatingFiguresPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const by: FigureGrouping = search.by ?? 'window';
  // no period chosen: this month up to today on the server's clock (the answer says which days)
  const figures = useFigures({ orgId: search.orgId, from: search.from, to: search.to, by });
  const from = search.from ?? figures.data?.from;
  const to = search.to ?? figures.data?.to;
  const orgs = useTreeOrgs(true);
  const set = (q: Partial<typeof search>) => void navigate({ to: '/evaluations/figures', search: { ...search, ...q } });
  return (
    <>
      <PageHeader title="评价统计" description="好评率 = 非常满意、满意、基本满意 ÷ 全部评价；主动评价率 = 群众主动评价的办件 ÷ 办结件（默认好评不算）；差评整改率 = 已整改差评 ÷ 差评。申诉成立的评价不计。" />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(v) => v && v[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          data-testid="figures-period"
        />
        <Segmented value={by} onChange={(v) => set({ by: v as FigureGrouping })} options={FIGURE_GROUPINGS.map((g) => ({ value: g, label: `按${FIGURE_GROUPING_NAMES[g]}` }))} data-testid="figures-by" />
        {(orgs.data?.orgs.filter((o) => o.level !== 'village').length ?? 0) > 1 && (
          <Select
            style={{ minWidth: 220 }}
            allowClear
            placeholder="本级及下级全部中心"
            value={search.orgId}
            onChange={(v) => set({ orgId: v })}
            options={orgs.data!.orgs.filter((o) => o.level !== 'village').map((o) => ({ value: o.id, label: o.centerName }))}
          />
        )}
      </Space>
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }} loading={figures.isPending}>
            {figures.data && <FiguresBars figures={figures.data.figures} height={300} />}
          </Card>
          <Card size="small" loading={figures.isPending}>
            {figures.data && <FiguresTable data={figures.data} />}
          </Card>
        </>
      )}
    </>
  );
}
