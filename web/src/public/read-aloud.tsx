import { useEffect, useRef, useState } from 'react';

/** Chrome stops a long utterance after some 15 seconds: speak sentence by sentence, each short. */
function sentences(text: string): string[] {
  const parts = text
    .split(/(?<=[。；！？\n])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const out: string[] = [];
  for (const part of parts) {
    for (let i = 0; i < part.length; i += 120) out.push(part.slice(i, i + 120));
  }
  return out;
}

const speech = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : null;

/**
 * 朗读 (长辈版, issue 11 §4): reads a guide or a case's progress aloud with the phone's own Chinese voice (the
 * browser's speechSynthesis, zh-CN). Nothing is downloaded; a browser without speech shows no button.
 */
export function ReadAloud({ text, label = '朗读' }: { text: () => string; label?: string }) {
  const synth = speech();
  const [speaking, setSpeaking] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useRef(0);
  useEffect(
    () => () => {
      speech()?.cancel();
    },
    [],
  );
  if (!synth) return null;

  const stop = () => {
    run.current += 1;
    synth.cancel();
    setSpeaking(false);
  };
  const start = () => {
    synth.cancel();
    setFailed(false);
    const mine = ++run.current;
    const voices = synth.getVoices();
    const voice = voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? voices.find((v) => /^zh/i.test(v.lang));
    const parts = sentences(text());
    parts.forEach((part, i) => {
      const u = new window.SpeechSynthesisUtterance(part);
      u.lang = 'zh-CN';
      u.rate = 0.9;
      if (voice) u.voice = voice;
      if (i === parts.length - 1) u.onend = () => mine === run.current && setSpeaking(false);
      u.onerror = (event) => {
        if (mine !== run.current) return;
        setSpeaking(false);
        // stopped on purpose: no news; anything else: this phone has no voice to read with
        if (event.error !== 'interrupted' && event.error !== 'canceled') setFailed(true);
      };
      synth.speak(u);
    });
    setSpeaking(parts.length > 0);
  };
  return (
    <>
      <button type="button" className="read-aloud" onClick={speaking ? stop : start}>
        {speaking ? '停止朗读' : label}
      </button>
      {failed && (
        <p className="read-aloud-failed" role="status">
          这部手机没能朗读：请在手机的“设置—文字转语音”中装上中文语音后再试。
        </p>
      )}
    </>
  );
}
