import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { getRouteApi, Link } from '@tanstack/react-router';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { useMe } from '@/lib/auth';
import { useItem } from '@/features/catalog/api/get-item';
import { ItemActions } from '@/features/catalog/components/item-actions';
import { ServiceGuide } from '@/features/catalog/components/service-guide';
import { ItemFaq } from '@/features/consultations/components/item-faq';
import { can } from '@/lib/authorization';

const route = getRouteApi('/console/catalog/$code');

export function ItemDetailPage() {
  const { code } = route.useParams();
  const me = useMe();
  const item = useItem(code);

  if (item.isPending) return <PageLoading />;
  if (item.isError) return <QueryError error={item.error} onRetry={() => void item.refetch()} />;

  return (
    <>
      <div className="page-header no-print">
        <Link to="/catalog">
          <Button icon={<ArrowLeftOutlined />}>返回事项目录</Button>
        </Link>
        <Space>
          <ItemActions item={item.data} canManage={can(me.user.roles, 'catalog.manage')} />
        </Space>
      </div>
      <ServiceGuide item={item.data} />
      <ItemFaq itemCode={item.data.code} />
    </>
  );
}
