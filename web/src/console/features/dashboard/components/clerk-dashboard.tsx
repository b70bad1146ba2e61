import { Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import type { CaseSummary } from '@domain/contract/cases';
import { useClerkDashboard, type ClerkDashboard as Data } from '../api/get-dashboard';
import { CaseSampleList } from './case-sample-list';
import { CountLink, LIGHT_COLORS } from './count-link';

type Lists = Data['mine'];

function Counts({ title, lists, view }: { title: string; lists: Lists; view: 'mine' | 'first-responded' }) {
  return (
    <Space size="middle" wrap>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <span>
        红灯 <CountLink count={lists.red.total} search={{ view, light: 'red' }} color={LIGHT_COLORS.red} testId={`clerk-${view}-red`} /> 件
      </span>
      <span>
        黄灯 <CountLink count={lists.yellow.total} search={{ view, light: 'yellow' }} color={LIGHT_COLORS.yellow} testId={`clerk-${view}-yellow`} /> 件
      </span>
      <span>
        今日到期 <CountLink count={lists.dueToday.total} search={{ view, dueToday: 'true' }} testId={`clerk-${view}-due`} /> 件
      </span>
    </Space>
  );
}

/** Red first, then yellow, then the rest due today, each case once (it may be at my window and mine as first responder). */
function merged(data: Data): { cases: CaseSummary[]; total: number } {
  const seen = new Set<string>();
  const cases: CaseSummary[] = [];
  for (const list of [data.mine.red, data.firstResponded.red, data.mine.yellow, data.firstResponded.yellow, data.mine.dueToday, data.firstResponded.dueToday]) {
    for (const c of list.cases) {
      if (!seen.has(c.id)) {
        seen.add(c.id);
        cases.push(c);
      }
    }
  }
  return { cases: cases.slice(0, 8), total: cases.length };
}

/**
 * 窗口工作人员: my red and yellow cases and what is due today — at the windows I work now, and the cases I first
 * received wherever they are (首问负责) — before the full work list. Each number opens the ledger of that list.
 */
export function ClerkDashboard() {
  const dashboard = useClerkDashboard();
  const data = dashboard.data;
  if (!data) return <Skeleton active paragraph={{ rows: 2 }} style={{ marginBottom: 16 }} />;
  const list = merged(data);
  return (
    <Card title="我的红灯、黄灯和今日到期" size="small" style={{ marginBottom: 16 }} data-testid="clerk-dashboard">
      <Row gutter={[16, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} xl={12}>
          <Counts title="我的窗口" lists={data.mine} view="mine" />
        </Col>
        <Col xs={24} xl={12}>
          <Counts title="我首问的" lists={data.firstResponded} view="first-responded" />
        </Col>
      </Row>
      <CaseSampleList sample={list} search={{ view: 'mine', dueToday: 'true' }} empty="没有红灯、黄灯或今天到期的办件" testId="clerk-dashboard-list" />
    </Card>
  );
}
