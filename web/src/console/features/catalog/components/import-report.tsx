import { Alert, Card, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ImportReport as Report, ImportRow } from '../api/import-catalog';

const OUTCOMES: Record<ImportRow['outcome'], { label: string; dryLabel: string; color: string }> = {
  created: { label: '已新增', dryLabel: '将新增', color: 'green' },
  updated: { label: '已更新', dryLabel: '将更新', color: 'blue' },
  unchanged: { label: '无变化', dryLabel: '无变化', color: 'default' },
  refused: { label: '已拒绝', dryLabel: '将拒绝', color: 'red' },
};

/** The result of a check or an import: how many rows were accepted and refused, and why each was refused. */
export function ImportReport({ report, dryRun }: { report: Report; dryRun: boolean }) {
  const [show, setShow] = useState<'all' | 'refused'>(report.refused > 0 ? 'refused' : 'all');
  const rows = show === 'refused' ? report.rows.filter((r) => r.outcome === 'refused') : report.rows;
  const count = (o: ImportRow['outcome']) => report.rows.filter((r) => r.outcome === o).length;

  return (
    <Card title={dryRun ? '预检结果' : '导入结果'}>
      <Alert
        type={report.refused > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          dryRun
            ? `预检完成：可接受 ${report.accepted} 条，拒绝 ${report.refused} 条。预检不写入目录。`
            : `导入完成：接受 ${report.accepted} 条，拒绝 ${report.refused} 条。`
        }
        description={
          report.refused > 0
            ? '被拒绝的行不会导入，请按下表列出的原因修改文件后重新上传。'
            : dryRun
              ? '全部行均通过校验，可以正式导入。'
              : undefined
        }
      />
      <Space size={48} wrap style={{ marginBottom: 16 }}>
        <Statistic title="接受" value={report.accepted} suffix="条" styles={{ content: { color: '#389e0d' } }} />
        <Statistic title="拒绝" value={report.refused} suffix="条" styles={{ content: { color: report.refused ? '#cf1322' : undefined } }} />
        <Statistic title={dryRun ? '将新增' : '新增'} value={count('created')} suffix="条" />
        <Statistic title={dryRun ? '将更新' : '更新'} value={count('updated')} suffix="条" />
        <Statistic title="无变化" value={count('unchanged')} suffix="条" />
      </Space>
      <div style={{ marginBottom: 12 }}>
        <Segmented
          value={show}
          onChange={(v) => setShow(v as 'all' | 'refused')}
          options={[
            { value: 'all', label: `全部 ${report.rows.length} 行` },
            { value: 'refused', label: `仅看拒绝 ${report.refused} 行` },
          ]}
        />
      </div>
      <Table<ImportRow>
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          { title: '事项编码', dataIndex: 'code', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '事项名称', dataIndex: 'name', render: (v: string | null) => v ?? '—' },
          {
            title: '结果',
            dataIndex: 'outcome',
            width: 90,
            render: (o: ImportRow['outcome']) => <Tag color={OUTCOMES[o].color}>{dryRun ? OUTCOMES[o].dryLabel : OUTCOMES[o].label}</Tag>,
          },
          {
            title: '原因',
            dataIndex: 'errors',
            width: '45%',
            render: (errors: string[]) =>
              errors.length === 0 ? (
                <span style={{ color: '#bfbfbf' }}>—</span>
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18, color: '#cf1322' }}>
                  {errors.map((e, i) => (
                    <li key={i}>{e}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </Card>
  );
}
