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

/**
 * The window this console calls for: the one chosen before on this computer, else the one the clerk works now —
 * among those, first one that calls some hall service (`calling`): a clerk posted at every window of the center
 * should not land on a window nobody can take a number for.
 */
export function defaultWindow(windows: readonly ServiceWindow[], userId: string, calling: ReadonlySet<string>): string | null {
  const kept = storedWindow();
  if (kept && windows.some((w) => w.id === kept)) return kept;
  const mine = [...windows.filter((w) => w.acting?.userId === userId), ...windows.filter((w) => w.postA?.userId === userId || w.postB?.userId === userId)];
  return (mine.find((w) => calling.has(w.id)) ?? mine[0])?.id ?? null;
}

/** 我的窗口: which window this console calls numbers to. */
export function WindowPicker({ windows, calling, value, onChange, loading }: { windows: readonly ServiceWindow[]; calling: ReadonlySet<string>; value: string | null; onChange: (id: string) => void; loading: boolean }) {
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
        options={windows.map((w) => ({ value: w.id, label: `${w.name}${w.acting ? `（${w.acting.name}）` : ''}${calling.has(w.id) ? '' : '（无取号服务）'}` }))}
        data-testid="hall-window-picker"
      />
    </Space>
  );
}
