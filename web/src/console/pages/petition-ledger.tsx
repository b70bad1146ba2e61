import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { QueryError } from '@/components/feedback/query-error';
import { usePetitions, type PetitionQuery } from '@/features/petitions/api/petitions';
import { PetitionsTable } from '@/features/petitions/components/petitions-table';
import { PETITION_STATUS_NAMES, PETITION_STATUSES } from '@domain/petitions/petitions';

const route = getRouteApi('/console/petitions');

/** 信访登记台账: the center's petitions (only the petition staff and the leadership see it), with their clocks. */
export function PetitionLedgerPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const query: PetitionQuery = { ...search, pageSize: search.pageSize ?? 20 };
  const petitions = usePetitions(query);
  const setQuery = (q: PetitionQuery) => void navigate({ to: '/petitions', search: { ...q, page: undefined, pageSize: undefined } });

  return (
    <>
      <PageHeader
        title="信访登记台账"
        description="来信来访登记、受理告知（15日）、办结（60日）、交办和领导接待；能当场解决的当场解决，不能的 3 日内答复，一周内领导接待。"
        extra={
          <Link to="/petitions/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-petition">
              信访登记
            </Button>
          </Link>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder="姓名或反映问题" allowClear defaultValue={search.q} onSearch={(q) => setQuery({ ...search, q: q || undefined })} style={{ width: 240 }} />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 200 }}
          value={search.status}
          onChange={(status) => setQuery({ ...search, status })}
          options={PETITION_STATUSES.map((s) => ({ value: s, label: PETITION_STATUS_NAMES[s] }))}
        />
        <Select
          allowClear
          placeholder="全部信访"
          style={{ width: 140 }}
          value={search.group === undefined ? undefined : search.group ? 'group' : 'single'}
          onChange={(v?: string) => setQuery({ ...search, group: v === undefined ? undefined : v === 'group' })}
          options={[
            { value: 'group', label: '集体访' },
            { value: 'single', label: '个人访' },
          ]}
          data-testid="filter-group"
        />
        <Select
          allowClear
          placeholder="办理情况"
          style={{ width: 140 }}
          value={search.open === undefined ? undefined : search.open ? 'open' : undefined}
          onChange={(v?: string) => setQuery({ ...search, open: v === 'open' ? true : undefined })}
          options={[{ value: 'open', label: '未办结' }]}
        />
      </Space>
      {petitions.isError ? (
        <QueryError error={petitions.error} onRetry={() => void petitions.refetch()} />
      ) : (
        <PetitionsTable
          petitions={petitions.data?.petitions ?? []}
          loading={petitions.isPending}
          total={petitions.data?.total}
          page={query.page ?? 1}
          pageSize={query.pageSize}
          onPage={(page, pageSize) => void navigate({ to: '/petitions', search: { ...search, page, pageSize } })}
        />
      )}
    </>
  );
}
