import { Alert, Button } from 'antd';
import { isApiError } from '@/lib/api-client';

/** A list or page that could not load: the server's reason and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const title = isApiError(error) ? error.title : '数据加载失败，请稍后重试。';
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}
