import { Card, Empty, Space, Table, Typography } from 'antd';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { useConsultedItems } from '@/features/consultations/api/consultations';
import { FaqEditor } from '@/features/consultations/components/faq-editor';
import { ItemSelect } from '@/features/consultations/components/item-select';

const route = getRouteApi('/console/consultations/faq');

/** 常见问题: pick an item (those asked about most are listed), see its questions asked most and edit its public FAQ. */
export function ConsultationFaqPage() {
  const { itemCode } = route.useSearch();
  const navigate = useNavigate();
  const items = useConsultedItems();
  const pick = (code: string | undefined) => void navigate({ to: '/consultations/faq', search: { itemCode: code } });
  return (
    <>
      <PageHeader
        title="事项常见问题"
        description="把群众问得最多的问题整理成事项的常见问题，公开在办事指南和网上办事大厅；由本中心窗口工作人员和中心主任维护，每次修改都留有记录。"
        extra={
          <Space>
            <Typography.Text>事项：</Typography.Text>
            <ItemSelect value={itemCode} onChange={pick} style={{ width: 320 }} />
          </Space>
        }
      />
      {itemCode ? (
        <FaqEditor itemCode={itemCode} />
      ) : (
        <Card title="近一年咨询最多的事项" size="small">
          <Table
            rowKey="itemCode"
            size="small"
            loading={items.isPending}
            dataSource={items.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description="近一年还没有登记过涉及事项的咨询" /> }}
            onRow={(r) => ({ onClick: () => pick(r.itemCode), style: { cursor: 'pointer' } })}
            columns={[
              { title: '事项', dataIndex: 'itemName', render: (n: string, r) => <a data-testid="consulted-item">{n}（{r.itemCode}）</a> },
              { title: '咨询次数', dataIndex: 'count', width: 100 },
              { title: '待答复', dataIndex: 'pending', width: 90 },
              { title: '常见问题条数', dataIndex: 'faqCount', width: 120 },
            ]}
          />
        </Card>
      )}
    </>
  );
}
