import { Card, Descriptions, Tag } from 'antd';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useTemplates } from '@/features/notifications/api/outbox';
import { TemplatesTable } from '@/features/notifications/components/templates-table';

/** 系统管理员: every message the system sends, as text, with the SMS platform's template code it is sent under. */
export function MessageTemplatesPage() {
  const templates = useTemplates();
  const sms = templates.data?.sms;
  return (
    <>
      <PageHeader title="消息模板" description="系统发出的每一种短信和站内消息的内容（只读）。短信须先在短信平台报备同样内容的模板，取得模板编号后配置到对应的设置名" />
      {templates.isError ? (
        <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="短信通道">{sms ? sms.configured ? <Tag color="green">{sms.provider}</Tag> : <Tag color="gold">未配置短信通道</Tag> : '—'}</Descriptions.Item>
              <Descriptions.Item label="短信签名">{sms?.signName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="接口地址">{sms?.endpoint ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="每号码每小时上限">{sms ? `${sms.perPhonePerHour} 条` : '—'}</Descriptions.Item>
              <Descriptions.Item label="失败最多发送">{sms ? `${sms.maxAttempts} 次（间隔 5 秒起逐次加倍）` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card>
            <TemplatesTable templates={templates.data?.templates ?? []} loading={templates.isLoading} />
          </Card>
        </>
      )}
    </>
  );
}
