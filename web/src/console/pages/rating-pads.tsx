import { PageHeader } from '@/components/layout/page-header';
import { PadsPanel } from '@/features/evaluations/components/pads-panel';
import { useWindows } from '@/features/windows/api/get-windows';
import { useMe } from '@/lib/auth';

/** 评价器管理: register a tablet for a window (its code shown once), stop a lost one. */
export function RatingPadsPage() {
  const me = useMe();
  const windows = useWindows(me.user.orgId);
  return (
    <>
      <PageHeader title="窗口评价器" description="每个窗口一台平板：办结后群众在平板上点选满意程度。登记后在平板上输入登记码即可使用。" />
      <PadsPanel windows={windows.data?.windows ?? []} windowsLoading={windows.isPending} />
    </>
  );
}
