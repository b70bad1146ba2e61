import type { UseMutateFunction } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useErrorFeedback } from './use-error-feedback';

/**
 * Printing a paper the archive must hold (a notice, a 督办单): 打印 first records the print and opens the browser's
 * print dialog only once it is recorded — no record, no print. A print started from the browser's own menu
 * (Ctrl+P) is recorded too, with `browserPrint`'s variables (null while there is nothing to record yet).
 * Returns what the 打印 button calls; a second call while one print is being recorded or printed (a double click
 * before the button shows it is busy) is ignored, so one click is one record.
 */
export function useRecordedPrint<V>(record: UseMutateFunction<unknown, Error, V>, browserPrint: { variables: V } | null, recorded: string) {
  const showError = useErrorFeedback();
  const { message } = App.useApp();
  const fromButton = useRef(false);
  const running = useRef(false);
  const variables = browserPrint?.variables;
  const ready = browserPrint !== null;

  useEffect(() => {
    if (!ready) return;
    const onBeforePrint = () => {
      if (!fromButton.current) record(variables as V);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [ready, variables, record]);

  return (v: V) => {
    if (running.current) return;
    running.current = true;
    record(v, {
      onSuccess: () => {
        message.success(recorded);
        fromButton.current = true;
        try {
          window.print();
        } finally {
          fromButton.current = false;
        }
      },
      onError: (e) => showError(e),
      onSettled: () => {
        running.current = false;
      },
    });
  };
}
