/** Small shared pieces of the agent console: loading, alerts, two-step buttons, the network state. */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { isNetworkProblem, problemText } from './api';

// ------------------------------------------------------------------------------------------------ network

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** false when the phone says it has no network at all (a weak signal still says true). */
export const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine);

// ------------------------------------------------------------------------------------------------ changes

const CHANGED = 'bianmin-agent-cases-changed';

/** Tells whoever shows counts (the tab bar) that a case moved. */
export const casesChanged = () => window.dispatchEvent(new Event(CHANGED));

export function onCasesChanged(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

// ------------------------------------------------------------------------------------------------ loading

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** replaces the data without asking the server (an action answered with the new state) */
  set: (data: T) => void;
}

/** Loads once per change of `key`; an answer that arrives after the page moved on is dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string; data: T | null; error: unknown; loading: boolean }>({
    key,
    data: null,
    error: null,
    loading: true,
  });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setState((s) => ({ key, data: s.key === key ? s.data : null, error: null, loading: true }));
    loadRef.current().then(
      (data) => live && setState({ key, data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ key, data: s.key === key ? s.data : null, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ key, data, error: null, loading: false }), [key]);
  return { data: state.key === key ? state.data : null, error: state.error, loading: state.loading, reload, set };
}

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <p className="loading" role="status">
      {text}
    </p>
  );
}

/** A failed load: the reason in the server's words, and a way to try again. */
export function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <p>{isNetworkProblem(error) ? '网络连接失败，请检查手机网络。' : problemText(error)}</p>
      <button type="button" className="btn btn-secondary" onClick={retry}>
        重新加载
      </button>
    </div>
  );
}

export function Alert({ tone, title, children }: { tone: 'error' | 'warn' | 'ok' | 'info'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' || tone === 'warn' ? 'alert' : 'status'}>
      {title && <strong className="alert-title">{title}</strong>}
      {children}
    </div>
  );
}

/**
 * A button that asks once more before it does something that cannot be undone (send a batch, forward a case):
 * the first tap shows the question and two big buttons, no browser dialog.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel = '确认',
  busyLabel = '正在提交…',
  onConfirm,
  disabled,
  className = 'btn btn-primary',
  children,
}: {
  label: string;
  question: ReactNode;
  confirmLabel?: string;
  busyLabel?: string;
  onConfirm: () => Promise<void> | void;
  disabled?: boolean;
  className?: string;
  /** extra inputs shown with the question (e.g. when the villager was told) */
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm">
      <div className="confirm-question">{question}</div>
      {children}
      <div className="confirm-buttons">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => setAsking(false)}>
          取消
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
