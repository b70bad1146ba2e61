import { Descriptions, Typography } from 'antd';
import { formatBytes, formatDateTime } from '@/lib/format';
import type { DossierSummary } from '../api/archive';
import { CheckTag } from './check-tag';
import { keepUntilText } from './text';

/** 归档登记信息: the figures of the 归档登记表 as the dossier was filed. */
export function DossierRegister({ d }: { d: DossierSummary }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xxl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="dossier-register"
      items={[
        { key: 'no', label: '档号', children: <span data-testid="dossier-no">{d.archiveNo}</span> },
        { key: 'org', label: '全宗/机构', children: d.orgName },
        { key: 'year', label: '年度', children: `${d.year}年度` },
        { key: 'period', label: '保管期限', children: <span data-testid="dossier-period">{d.periodName}</span> },
        { key: 'until', label: '保管至', children: keepUntilText(d.keepUntil) },
        { key: 'case', label: '办件', children: `${d.caseNo}\u3000${d.itemName}\u3000申请人：${d.applicantName}` },
        { key: 'finished', label: '办结时间', children: formatDateTime(d.finishedAt) },
        { key: 'archived', label: '归档时间', children: formatDateTime(d.archivedAt) },
        { key: 'by', label: '立卷人', children: d.archivedByName },
        { key: 'count', label: '件数', children: <span data-testid="dossier-count">{d.fileCount} 件</span> },
        { key: 'bytes', label: '总字节', children: <span data-testid="dossier-bytes">{`${d.totalBytes.toLocaleString('zh-CN')} 字节（${formatBytes(d.totalBytes)}）`}</span> },
        { key: 'check', label: '完整性检测', children: <CheckTag dossier={d} /> },
        {
          key: 'sha',
          label: '清单 SHA-256',
          span: 'filled',
          children: (
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {d.manifestSha256}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
