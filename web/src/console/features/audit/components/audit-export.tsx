import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { AUDIT_EXPORT_MAX_ROWS, auditExportTooLarge } from '@domain/audit';
import { auditExportUrl, type AuditQuery } from '../api/get-audit';

/**
 * 导出 Excel: the entries of the current filters. Too many for one file: the button is off and says why before
 * the auditor clicks (the server refuses the same, with the same words).
 */
export function AuditExport({ query, total }: { query: AuditQuery; total: number | undefined }) {
  const tooMany = total !== undefined && total > AUDIT_EXPORT_MAX_ROWS;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {tooMany && <Typography.Text type="warning">{auditExportTooLarge(total, AUDIT_EXPORT_MAX_ROWS)}</Typography.Text>}
      <Button icon={<DownloadOutlined />} href={tooMany || total === 0 ? undefined : auditExportUrl(query)} disabled={tooMany || total === 0}>
        导出 Excel
      </Button>
    </Space>
  );
}
