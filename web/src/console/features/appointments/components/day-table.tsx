import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { isApiError } from '@/lib/api-client';
import { useCancel, useCheckIn, type AppointmentView } from '../api/appointments';

const STATUS_COLOR: Record<string, string> = { booked: 'blue', checked_in: 'green', cancelled: 'default', no_show: 'red' };

/** The day's bookings: who, when, which service, how booked; 签到 (today) and 取消 while still booked. */
export function DayTable({ rows, loading }: { rows: AppointmentView[]; loading: boolean }) {
  const { message } = App.useApp();
  const checkIn = useCheckIn();
  const cancel = useCancel();
  const fail = (e: unknown) => message.error(isApiError(e) ? e.title : '操作没有完成，请刷新页面后重试。');
  return (
    <Table<AppointmentView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '这一天没有预约' }}
      columns={[
        { title: '时段', render: (_, a) => `${a.start}-${a.end}`, width: 110 },
        { title: '服务', dataIndex: 'serviceName' },
        { title: '预约人', render: (_, a) => `${a.name} ${a.phone}` },
        { title: '签到码', dataIndex: 'code', width: 90 },
        { title: '方式', render: (_, a) => `${a.viaName}${a.bookedByName ? `（${a.bookedByName}）` : ''}` },
        { title: '状态', render: (_, a) => <Tag color={STATUS_COLOR[a.status]}>{a.statusName}{a.ticketNumber ? ` ${a.ticketNumber}` : ''}</Tag>, width: 120 },
        {
          title: '操作',
          width: 160,
          render: (_, a) =>
            a.status === 'booked' && (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  loading={checkIn.isPending && checkIn.variables?.id === a.id}
                  onClick={() => checkIn.mutate({ id: a.id, version: a.version }, { onSuccess: (r) => void message.success(`已签到，取号 ${r.number}，前面还有 ${r.ahead} 人。`), onError: fail })}
                >
                  签到取号
                </Button>
                <Popconfirm title={`取消 ${a.name} 的预约？会短信告知本人。`} okText="取消预约" cancelText="不取消" onConfirm={() => cancel.mutate({ id: a.id, version: a.version }, { onSuccess: () => void message.success('预约已取消。'), onError: fail })}>
                  <Button size="small" danger>
                    取消
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
