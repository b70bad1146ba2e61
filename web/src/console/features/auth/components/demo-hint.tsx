import { Alert } from 'antd';
import { useHealth } from '../api/get-health';

/** Only on a demo installation: which accounts to try. */
export function DemoHint() {
  const health = useHealth();
  if (!health.data?.demo) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 16 }}
      title="演示环境"
      description="演示账号：admin（系统管理员）/ clerk（窗口工作人员）等，密码均为 bianmin2026"
    />
  );
}
