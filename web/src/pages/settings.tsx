import { Card } from 'antd';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useLevelNamesSetting } from '@/features/settings/api/level-names';
import { LevelNamesForm } from '@/features/settings/components/level-names-form';

export function SettingsPage() {
  const names = useLevelNamesSetting();
  return (
    <>
      <PageHeader title="系统设置" description="本地区的层级名称：少数民族地区和城区可改为旗/苏木/嘎查、区/街道/社区等" />
      <Card title="层级名称">
        {names.isPending ? (
          <PageLoading />
        ) : names.isError ? (
          <QueryError error={names.error} onRetry={() => void names.refetch()} />
        ) : (
          <LevelNamesForm initial={names.data} />
        )}
      </Card>
    </>
  );
}
