import { App, Modal } from 'antd';
import { ChangePasswordForm } from './change-password-form';

/** From the user menu: anyone changes their own password; their other sessions end, this one stays. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  return (
    <Modal open title="修改密码" footer={null} onCancel={onClose} destroyOnHidden width={440}>
      <ChangePasswordForm
        onDone={() => {
          message.success('密码已修改。您在其他电脑上的登录已退出。');
          onClose();
        }}
      />
    </Modal>
  );
}
