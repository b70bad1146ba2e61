import { Select, Space, Typography } from 'antd';
import type { ServiceWindow } from '@domain/contract/windows';

const KEY = 'bm-hall-window';

export function storedWindow(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeWindow(id: string): void {
  try {
    window.localStorage.setItem(KEY, id);
  } catch {
    // not remembered: asked again next time
  }
}

/** The window this console calls for: the one chosen before on this computer, else the one the clerk works now. */
export function defaultWindow(windows: readonly ServiceWindow[], userId: string): string | null {
  const kept = storedWindow();
  if (kept && windows.some((w) => w.id === kept)) return kept;
  return (
    windows.find((w) => w.acting?.userId === userId)?.id ??
    windows.find((w) => w.postA?.userId === userId || w.postB?.userId === userId)?.id ??
    null
  );
}

/** 我的窗口: which window this console calls numbers to. */
export function WindowPicker({ windows, value, onChange, loading }: { windows: readonly ServiceWindow[]; value: string | null; onChange: (id: string) => void; loading: boolean }) {
  return (
    <Space wrap>
      <Typography.Text strong>我的窗口</Typography.Text>
      <Select
        style={{ minWidth: 220 }}
        loading={loading}
        placeholder="请选择您所在的窗口"
        value={value ?? undefined}
        onChange={(id: string) => {
          storeWindow(id);
          onChange(id);
        }}
        options={windows.map((w) => ({ value: w.id, label: w.acting ? `${w.name}（${w.acting.name}）` : w.name }))}
        data-testid="hall-window-picker"
      />
    </Space>
  );
}
