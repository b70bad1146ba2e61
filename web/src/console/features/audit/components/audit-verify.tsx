import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useVerifyAudit } from '../api/verify-audit';

/**
 * 校验日志完整性: every entry carries the hash of the one before it, so a changed, inserted or deleted row
 * anywhere shows here with its number. The same check runs on the server as `npm run cli -- verify-audit`.
 */
export function AuditVerify() {
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
          校验日志完整性
        </Button>
        <Typography.Text type="secondary">逐条重算哈希链，确认日志没有被改动、插入或删除。</Typography.Text>
      </Space>
      {result?.ok && <Alert type="success" showIcon title={`审计日志完整：已校验 ${result.checked} 条记录，哈希链没有断开。`} />}
      {result && !result.ok && (
        <Alert
          type="error"
          showIcon
          title={`审计日志被改动：从第 ${result.brokenAt} 条起不可信`}
          description={`${result.problem ?? ''}前 ${result.checked} 条完好。请立即报告单位负责人，保留数据库备份以便追查。`}
        />
      )}
      {verify.isError && <Alert type="error" showIcon title={isApiError(verify.error) ? verify.error.title : '校验没有完成，请稍后重试。'} />}
    </Space>
  );
}
