import { Table, Tag } from 'antd';
import { formatDate } from '@/lib/format';
import type { Petition } from '../api/petitions';
import { PetitionLightTag } from './petition-tags';

/** Every clock of the petition: the center's promise and the law's periods, each with its light. */
export function PetitionClocks({ petition }: { petition: Petition }) {
  return (
    <Table
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={petition.clocks}
      data-testid="petition-clocks"
      locale={{ emptyText: '当场解决，没有时限' }}
      columns={[
        { title: '时限', dataIndex: 'title' },
        { title: '起算', dataIndex: 'startedOn', render: (d: string) => formatDate(d) },
        { title: '期限', dataIndex: 'dueOn', render: (d: string) => `${formatDate(d)}前` },
        {
          title: '情况',
          key: 'state',
          render: (_: unknown, c: Petition['clocks'][number]) =>
            c.light ? <PetitionLightTag light={c.light} /> : c.late ? <Tag color="red">逾期（{formatDate(c.stoppedOn)}）</Tag> : <Tag>已结束（{formatDate(c.stoppedOn)}）</Tag>,
        },
      ]}
    />
  );
}
