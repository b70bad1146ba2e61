import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryError } from '@/components/feedback/query-error';
import { useErrorFeedback } from '@/hooks/use-error-feedback';
import { useWindows, type ServiceWindow } from '../api/get-windows';
import { useUpdateWindow } from '../api/save-window';
import { WindowFormModal, type StaffOption } from './window-form-modal';

const post = (p: ServiceWindow['postA'], label: string) =>
  p ? (
    p.name
  ) : (
    <Tooltip title={`未设置${label}：每个窗口都应有A岗和B岗，保证窗口不空岗`}>
      <Tag color="warning" icon={<WarningOutlined />}>
        未设置
      </Tag>
    </Tooltip>
  );

/** The windows of one center with their A and B posts. */
export function WindowsManager({ orgId, staff }: { orgId: string; staff: StaffOption[] }) {
  const windows = useWindows(orgId);
  const update = useUpdateWindow();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<ServiceWindow | 'new' | null>(null);

  if (windows.isError) return <QueryError error={windows.error} onRetry={() => void windows.refetch()} />;

  const toggle = (w: ServiceWindow) =>
    update.mutate(
      { id: w.id, expectedVersion: w.version, active: !w.active },
      {
        onSuccess: () => message.success(w.active ? `已停用${w.name}。` : `已启用${w.name}。`),
        onError: (e) => showError(e, { onReload: () => void queryClient.invalidateQueries({ queryKey: ['windows'] }) }),
      },
    );

  // windows in use without both posts: when the A post is away nobody handles their cases (rule 8)
  const unstaffed = (windows.data?.windows ?? []).filter((w) => w.active && (!w.postA || !w.postB));

  return (
    <>
      {unstaffed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${unstaffed.length} 个启用的窗口没有设齐A岗、B岗：${unstaffed.map((w) => w.name).join('、')}。A岗不在时没有人替岗办理，请点“编辑”补上。`}
        />
      )}
      <div style={{ marginBottom: 16, textAlign: 'right' }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增窗口
        </Button>
      </div>
      <Table<ServiceWindow>
        rowKey="id"
        size="middle"
        loading={windows.isPending}
        dataSource={windows.data?.windows ?? []}
        pagination={false}
        locale={{ emptyText: '该中心尚未设置窗口' }}
        columns={[
          { title: '窗口名称', dataIndex: 'name' },
          { title: '进驻部门', dataIndex: 'department', render: (d?: string | null) => d || '—' },
          { title: 'A岗（主办）', dataIndex: 'postA', render: (p: ServiceWindow['postA']) => post(p, 'A岗') },
          { title: 'B岗（替岗）', dataIndex: 'postB', render: (p: ServiceWindow['postB']) => post(p, 'B岗') },
          { title: '状态', dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_, w) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(w)}>
                  编辑
                </Button>
                <Popconfirm title={w.active ? `停用${w.name}？` : `启用${w.name}？`} okText="确定" cancelText="取消" onConfirm={() => toggle(w)}>
                  <Button type="link" size="small" danger={w.active}>
                    {w.active ? '停用' : '启用'}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && <WindowFormModal orgId={orgId} window={editing === 'new' ? null : editing} staff={staff} onClose={() => setEditing(null)} />}
    </>
  );
}
