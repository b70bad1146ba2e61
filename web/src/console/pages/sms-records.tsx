import { Alert, Card } from 'antd';
import { getRouteApi } from '@tanstack/react-router';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useOutbox, useTemplates } from '@/features/notifications/api/outbox';
import { OutboxFilters } from '@/features/notifications/components/outbox-filters';
import { OutboxTable } from '@/features/notifications/components/outbox-table';

const route = getRouteApi('/console/notifications/outbox');

/** 系统管理员: every SMS and in-app message, sent, waiting or failed; the filters live in the address. */
export function SmsRecordsPage() {
  const query = route.useSearch();
  const navigate = route.useNavigate();
  const outbox = useOutbox(query);
  const templates = useTemplates();
  const sms = templates.data?.sms;
  return (
    <>
      <PageHeader title="短信记录" description="群众和工作人员的短信、站内消息：何时生成、是否发出、发送几次、失败原因。手机号码一律隐去中间四位，按完整号码查询" />
      {sms && !sms.configured && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="sms-not-configured"
          message="未配置短信通道：短信只保存在发件箱里，没有发出"
          description="请运维人员设置环境变量 SMS_PROVIDER=aliyun、SMS_ACCESS_KEY_ID、SMS_ACCESS_KEY_SECRET、SMS_SIGN_NAME 和各模板的模板编号（见“消息模板”）后重启服务，待发送的短信随即发出。站内消息不受影响。"
        />
      )}
      {sms?.configured && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`短信通道：${sms.provider ?? ''}（签名“${sms.signName ?? ''}”），每个号码每小时最多 ${sms.perPhonePerHour} 条，失败最多发送 ${sms.maxAttempts} 次`}
        />
      )}
      <Card>
        <OutboxFilters query={query} onChange={(next) => void navigate({ search: next, replace: true })} />
        {outbox.isError ? (
          <QueryError error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <OutboxTable
            messages={outbox.data?.messages ?? []}
            total={outbox.data?.total ?? 0}
            page={query.page ?? 1}
            loading={outbox.isFetching && !outbox.data}
            onPage={(page) => void navigate({ search: { ...query, page } })}
          />
        )}
      </Card>
    </>
  );
}
