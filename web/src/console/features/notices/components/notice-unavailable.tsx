import { Alert } from 'antd';

/** The notice does not apply to this case: say why instead of printing a wrong document. */
export function NoticeUnavailable({ message }: { message: string }) {
  return (
    <div className="notice-unavailable">
      <Alert type="warning" showIcon title="该办件不适用此通知书" description={message} />
    </div>
  );
}
