import { CheckCircleOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useImportCatalog, type ImportReport as Report } from '../api/import-catalog';
import { ImportProgress } from './import-progress';
import { ImportReport } from './import-report';

type Phase = { kind: 'idle' } | { kind: 'running'; dryRun: boolean; percent: number; processing: boolean };

const MAX_SIZE = 10 * 1024 * 1024;

/** Choose a file → 预检 (dry run, writes nothing) → 正式导入; the report of each step is shown below. */
export function ImportPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<{ report: Report; dryRun: boolean } | null>(null);
  const importCatalog = useImportCatalog();
  const showError = useErrorFeedback();
  const { message } = App.useApp();

  const checked = result?.dryRun === true;
  const imported = result?.dryRun === false;

  const run = (dryRun: boolean) => {
    if (!file) return;
    setPhase({ kind: 'running', dryRun, percent: 0, processing: false });
    importCatalog.mutate(
      {
        file,
        dryRun,
        onUploadProgress: (percent) => setPhase((p) => (p.kind === 'running' ? { ...p, percent } : p)),
        onUploaded: () => setPhase((p) => (p.kind === 'running' ? { ...p, percent: 100, processing: true } : p)),
      },
      {
        onSuccess: (report) => {
          setResult({ report, dryRun });
          if (!dryRun) message.success(`导入完成：接受 ${report.accepted} 条，拒绝 ${report.refused} 条。`);
        },
        onError: (error) => showError(error),
        onSettled: () => setPhase({ kind: 'idle' }),
      },
    );
  };

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Upload.Dragger
          accept=".json,.xlsx"
          multiple={false}
          fileList={fileList}
          disabled={phase.kind === 'running'}
          beforeUpload={(chosen) => {
            if (!/\.(json|xlsx)$/i.test(chosen.name)) {
              message.error('只能导入 .json 或 .xlsx 文件，请下载模板填写后再上传。');
              return Upload.LIST_IGNORE;
            }
            if (chosen.size > MAX_SIZE) {
              message.error('文件超过 10 MB，请拆分后再上传。');
              return Upload.LIST_IGNORE;
            }
            setFile(chosen);
            setResult(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setResult(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将文件拖到此处选择要导入的事项目录</p>
          <p className="ant-upload-hint">支持 .xlsx（按导入模板填写）和 .json（事项数组，或包含 items 数组的对象，与系统自带的事项目录 catalog.json 格式相同；导出只有 Excel），单个文件不超过 10 MB</p>
        </Upload.Dragger>

        {phase.kind === 'running' && <ImportProgress percent={phase.percent} processing={phase.processing} dryRun={phase.dryRun} />}

        <Space style={{ marginTop: 16 }} wrap>
          <Button
            type={checked ? 'default' : 'primary'}
            icon={<SafetyCertificateOutlined />}
            disabled={!file || phase.kind === 'running'}
            loading={phase.kind === 'running' && phase.dryRun}
            onClick={() => run(true)}
          >
            第一步：预检
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={!file || !checked || (result?.report.accepted ?? 0) === 0 || phase.kind === 'running'}
            loading={phase.kind === 'running' && !phase.dryRun}
            onClick={() => run(false)}
          >
            第二步：正式导入
          </Button>
        </Space>
        {!checked && !imported && file && (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title="请先预检：预检会逐行校验文件但不写入目录，确认无误后再正式导入。" />
        )}
      </Card>
      {result && <ImportReport key={`${result.dryRun}`} report={result.report} dryRun={result.dryRun} />}
    </Space>
  );
}
