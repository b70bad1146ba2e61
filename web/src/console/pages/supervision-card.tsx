import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Col, Row, Space } from 'antd';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useCard } from '@/features/supervision-cards/api/cards';
import { CardHistory } from '@/features/supervision-cards/components/card-history';
import { CardOverview } from '@/features/supervision-cards/components/card-overview';
import { CardSteps } from '@/features/supervision-cards/components/card-steps';

const route = getRouteApi('/console/supervision/cards/$id');

/** One 督办单: its fields and answer, what the person may do now, its whole history, and the printable sheet. */
export function SupervisionCardPage() {
  const { id } = route.useParams();
  const router = useRouter();
  const card = useCard(id);
  if (card.isPending) return <PageLoading />;
  if (card.isError) return <QueryError error={card.error} onRetry={() => void card.refetch()} />;
  return (
    <>
      <div className="page-header no-print">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => router.history.back()}>
            返回
          </Button>
          <Link to="/supervision/cards">
            <Button type="link">全部督办单</Button>
          </Link>
        </Space>
        <Link to="/supervision/cards/$id/print" params={{ id }}>
          <Button icon={<PrinterOutlined />} data-testid="card-print-link">
            打印督办单
          </Button>
        </Link>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <CardOverview card={card.data} />
          <CardSteps card={card.data} onReload={() => void card.refetch()} />
        </Col>
        <Col xs={24} xl={9}>
          <CardHistory card={card.data} />
        </Col>
      </Row>
    </>
  );
}
