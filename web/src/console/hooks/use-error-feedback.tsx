import { App, Button } from 'antd';
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError, isVersionConflict } from '@/lib/api-client';

interface FeedbackOptions {
  /** Offered as "刷新数据" when someone else saved the record first. */
  onReload?: () => void;
  /** Per-field problems from the server are shown under the matching fields. */
  form?: FormInstance;
}

/**
 * Shows a failed request the way a hall clerk can act on it: the server's Chinese title, the list of
 * problems when there are several, and a reload button when the record was changed by someone else.
 */
export function useErrorFeedback() {
  const { message, notification } = App.useApp();
  return useCallback(
    (error: unknown, options: FeedbackOptions = {}) => {
      if (isVersionConflict(error)) {
        const key = `version-conflict-${Date.now()}`;
        notification.warning({
          key,
          title: '该记录已被他人修改，请刷新后重试',
          description: '您打开这条记录之后，其他人保存了新的内容。为避免覆盖他人的修改，本次没有保存。请刷新后在最新内容上重新操作。',
          duration: 0,
          actions: options.onReload ? (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(key);
                options.onReload?.();
              }}
            >
              刷新数据
            </Button>
          ) : undefined,
        });
        return;
      }
      if (!isApiError(error)) {
        message.error('操作未能完成，请稍后重试。');
        return;
      }
      if (options.form) {
        const fields = error.errors.filter((e) => e.path);
        if (fields.length > 0) {
          options.form.setFields(fields.map((e) => ({ name: e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [e.message] })));
        }
      }
      const unlisted = error.errors.filter((e) => !error.title.includes(e.message));
      if (unlisted.length > 0) {
        notification.error({
          title: error.title,
          description: (
            <ul style={{ paddingInlineStart: 18, margin: 0 }}>
              {unlisted.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ),
          duration: 10,
        });
        return;
      }
      message.error(error.title);
    },
    [message, notification],
  );
}
