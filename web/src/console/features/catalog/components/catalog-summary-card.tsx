import { Card, Col, Row, Statistic } from 'antd';
import { useItems } from '../api/get-items';
import { ITEM_KIND_LABELS } from '../api/item-schema';

/** How many items are published, and of them how many are handled on the spot. */
export function CatalogSummaryCard() {
  const items = useItems({ status: 'active' });
  const list = items.data?.items ?? [];
  return (
    <Card title="事项目录">
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="在用事项" value={list.length} suffix="项" loading={items.isPending} />
        </Col>
        <Col span={8}>
          <Statistic title={ITEM_KIND_LABELS.immediate} value={list.filter((i) => i.kind === 'immediate').length} suffix="项" loading={items.isPending} />
        </Col>
        <Col span={8}>
          <Statistic title="可代办" value={list.filter((i) => i.proxyAllowed && !i.inPersonRequired).length} suffix="项" loading={items.isPending} />
        </Col>
      </Row>
    </Card>
  );
}
