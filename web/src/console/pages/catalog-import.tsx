import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { PageHeader } from '@/components/layout/page-header';
import { exportUrl, templateUrl } from '@/features/catalog/api/import-catalog';
import { ImportPanel } from '@/features/catalog/components/import-panel';

export function CatalogImportPage() {
  return (
    <>
      <PageHeader
        title="事项导入"
        description="批量新增或更新事项：先预检，确认无误后再正式导入；编码相同的事项按文件内容更新"
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} href={templateUrl} download>
              下载导入模板
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl} download>
              导出当前目录
            </Button>
          </Space>
        }
      />
      <ImportPanel />
    </>
  );
}
