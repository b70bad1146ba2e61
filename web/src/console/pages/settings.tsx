import { Card } from 'antd';
import { PageLoading } from '@/components/feedback/page-loading';
import { QueryError } from '@/components/feedback/query-error';
import { PageHeader } from '@/components/layout/page-header';
import { useReportDueDay } from '@/features/monthly-reports/api/monthly-reports';
import { DueDayForm } from '@/features/monthly-reports/components/due-day-form';
import { useLevelNamesSetting } from '@/features/settings/api/level-names';
import { useSettings } from '@/features/settings/api/settings';
import { LevelNamesForm } from '@/features/settings/components/level-names-form';
import { PaperSettingsForm, PublicUrlMissing } from '@/features/settings/components/paper-settings-form';

export function SettingsPage() {
  const names = useLevelNamesSetting();
  const settings = useSettings();
  const dueDay = useReportDueDay();
  return (
    <>
      <PageHeader title="系统设置" description="通知书上的公网地址和监督电话；本地区的层级名称：少数民族地区和城区可改为旗/苏木/嘎查、区/街道/社区等；月报报送截止日" />
      {settings.data && <PublicUrlMissing settings={settings.data} />}
      <Card title="通知书与二维码" style={{ marginBottom: 16 }}>
        {settings.isPending ? (
          <PageLoading />
        ) : settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <PaperSettingsForm initial={settings.data} />
        )}
      </Card>
      <Card title="层级名称" style={{ marginBottom: 16 }}>
        {names.isPending ? (
          <PageLoading />
        ) : names.isError ? (
          <QueryError error={names.error} onRetry={() => void names.refetch()} />
        ) : (
          <LevelNamesForm initial={names.data} />
        )}
      </Card>
      <Card title="月度统计报表">
        {dueDay.isPending ? (
          <PageLoading />
        ) : dueDay.isError ? (
          <QueryError error={dueDay.error} onRetry={() => void dueDay.refetch()} />
        ) : (
          <DueDayForm dueDay={dueDay.data.dueDay} />
        )}
      </Card>
    </>
  );
}
