import { Progress, Spin } from 'antd';

/** Sending the file (percent), then the server checking every row (spinner). */
export function ImportProgress({ percent, processing, dryRun }: { percent: number; processing: boolean; dryRun: boolean }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Progress percent={percent} status={processing ? 'success' : 'active'} format={(p) => `上传 ${p}%`} />
      {processing && (
        <div style={{ marginTop: 8 }}>
          <Spin size="small" /> <span style={{ marginInlineStart: 8 }}>{dryRun ? '文件已上传，服务器正在逐行校验…' : '文件已上传，服务器正在写入事项目录…'}</span>
        </div>
      )}
    </div>
  );
}
