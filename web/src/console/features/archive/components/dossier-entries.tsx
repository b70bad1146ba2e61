import { DownloadOutlined } from '@ant-design/icons';
import { Table } from 'antd';
import { formatBytes, formatDateTime } from '@/lib/format';
import { entryFileUrl, type DossierEntry } from '../api/archive';

/** 卷内目录: every document of the dossier in order, a stored file with its download link. */
export function DossierEntries({ dossierId, entries }: { dossierId: string; entries: DossierEntry[] }) {
  return (
    <Table<DossierEntry>
      rowKey="seq"
      size="small"
      dataSource={entries}
      pagination={false}
      data-testid="dossier-entries"
      locale={{ emptyText: '卷内没有文件。' }}
      columns={[
        { title: '序号', dataIndex: 'seq', width: 64, align: 'right' },
        { title: '部分', dataIndex: 'partName', width: 96 },
        { title: '文件题名', dataIndex: 'title', width: 180 },
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string | null) => formatDateTime(at) },
        { title: '责任者', dataIndex: 'byName', width: 100, render: (n: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{n ?? '—'}</span> },
        { title: '说明', dataIndex: 'detail', render: (t: string | null) => t ?? '' },
        {
          title: '文件',
          dataIndex: 'file',
          width: 200,
          render: (f: DossierEntry['file'], e) =>
            f ? (
              <a href={entryFileUrl(dossierId, e.seq)} data-testid="entry-file" title={`SHA-256：${f.sha256}`}>
                <DownloadOutlined /> {f.name}（{formatBytes(f.bytes)}）
              </a>
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}
