import { PageHeader } from '@/components/layout/page-header';
import { Open311KeysPanel } from '@/features/open311/components/keys-panel';

/** Open311 接口密钥 (系统管理员): third parties' keys for the Open311 GeoReport v2 endpoint. */
export function Open311KeysPage() {
  return (
    <>
      <PageHeader
        title="Open311 接口密钥"
        description="第三方平台（如 12345 热线、乡镇公众号）通过 Open311 接口查询事项、提交网上申请时使用的密钥。密钥发放时只显示一次；不再合作或泄露时吊销。"
      />
      <Open311KeysPanel />
    </>
  );
}
