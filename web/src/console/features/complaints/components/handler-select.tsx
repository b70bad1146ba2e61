import { Select } from 'antd';
import { roleName } from '@/lib/roles';
import { useComplaintHandlers } from '../api/handlers';

/**
 * 承办人 on 受理: the center's staff who may handle complaints (主任、带班领导、工作人员); the form defaults it to the
 * acting person. Someone away from the post (AB岗) stays choosable but is marked.
 */
export function HandlerSelect({ value, onChange, meId }: { value?: string; onChange?: (id: string) => void; meId: string }) {
  const handlers = useComplaintHandlers();
  const options = (handlers.data?.handlers ?? []).map((h) => ({
    value: h.id,
    label: `${h.name}（${h.roles.filter((r) => ['director', 'leader', 'clerk'].includes(r)).map(roleName).join('、')}）${h.id === meId ? ' · 本人' : ''}${h.away ? ' · 离岗' : ''}`,
  }));
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={handlers.isPending}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ maxWidth: 360 }}
      notFoundContent={handlers.isError ? '承办人名单没有载入，请刷新页面' : '没有可选的承办人'}
      data-testid="complaint-handler"
    />
  );
}
