/**
 * Whether the public pages may say a text message comes (GET /api/public/sms-status): read once per page. Until it
 * is known — or when it cannot be read — a page says what holds without SMS (src/domain/notifications/sms-status.ts),
 * never that a message was sent.
 */
import { useEffect, useState } from 'react';
import type { PublicSmsStatus } from '@domain/notifications/sms-status';
import { createApiClient } from '@shared/api-client';

export type { PublicSmsStatus };

const client = createApiClient({ networkTitle: '网络连接失败，请检查手机网络后再试。' });

let once: Promise<PublicSmsStatus | null> | null = null;

export function loadSmsStatus(): Promise<PublicSmsStatus | null> {
  once ??= client.request<PublicSmsStatus>('/public/sms-status', { quiet401: true }).catch(() => {
    once = null; // asked again next time: a network blip is not an answer
    return null;
  });
  return once;
}

export function useSmsStatus(): PublicSmsStatus | null {
  const [status, setStatus] = useState<PublicSmsStatus | null>(null);
  useEffect(() => {
    let live = true;
    void loadSmsStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}
