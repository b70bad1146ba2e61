import { Button, Result } from 'antd';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { isApiError } from '@/lib/api-client';
import { ForbiddenError } from '@/lib/authorization';

/** What a page shows when it cannot be opened: no permission, not found, or a failure. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  if (error instanceof ForbiddenError || (isApiError(error) && error.status === 403)) {
    // both name whom to turn to for this page and this person (三员分立; src/domain/roles.ts refusalAdvice)
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle={isApiError(error) ? error.title : error.message}
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    );
  }
  if (isApiError(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title="未找到"
        subTitle={error.title}
        extra={
          <Link to="/">
            <Button type="primary">返回工作台</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={isApiError(error) ? error.title : '页面出现问题，请刷新后重试；如仍不行请联系系统管理员。'}
      extra={
        <Button type="primary" onClick={reset}>
          重试
        </Button>
      }
    />
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，可能地址有误或已被移除。"
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
  );
}
