/**
 * The display's voice: a two-tone chime made by the browser (WebAudio oscillators, no sound file to download),
 * then the call spoken in Mandarin by the browser's own speech (speechSynthesis, zh-CN): 请 A012 号到 3 号窗口.
 * Browsers play sound only after someone touched the page once: until then the screen asks for one touch
 * (a dedicated screen may also be started with Chrome's --autoplay-policy=no-user-gesture-required).
 */

type AudioContextClass = typeof AudioContext;

let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (audio) return audio;
  const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as AudioContextClass | undefined;
  if (!Ctor) return null;
  try {
    audio = new Ctor();
  } catch {
    return null;
  }
  return audio;
}

/** Whether the browser lets the page make sound now (false until the first touch where the policy asks for one). */
export function soundAllowed(): boolean {
  const ctx = context();
  return ctx !== null && ctx.state === 'running';
}

/** Calls `listener` whenever the browser allows or stops sound (a policy may allow it a moment after load). */
export function watchSound(listener: (allowed: boolean) => void): () => void {
  const ctx = context();
  if (!ctx) return () => {};
  const changed = () => listener(ctx.state === 'running');
  ctx.addEventListener('statechange', changed);
  return () => ctx.removeEventListener('statechange', changed);
}

/** Called from a touch: lets the page play sound from now on. */
export async function unlockSound(): Promise<boolean> {
  const ctx = context();
  if (!ctx) return false;
  try {
    await ctx.resume();
  } catch {
    return false;
  }
  return ctx.state === 'running';
}

/** 叮—咚: two soft sine tones, about 1.2 s; resolves when done (at once when sound is not allowed). */
export function chime(): Promise<void> {
  const ctx = context();
  if (!ctx || ctx.state !== 'running') return Promise.resolve();
  const start = ctx.currentTime + 0.05;
  for (const [offset, frequency] of [
    [0, 880],
    [0.45, 660],
  ] as const) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, start + offset + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.7);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start + offset);
    osc.stop(start + offset + 0.75);
  }
  return new Promise((resolve) => setTimeout(resolve, 1250));
}

/** The browser's Mandarin voice, if it has one (the list loads late in some browsers). */
function mandarinVoice(): SpeechSynthesisVoice | null {
  const voices = window.speechSynthesis.getVoices();
  return voices.find((v) => v.lang === 'zh-CN') ?? voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ?? null;
}

/** the longest one announcement may hold the next one back (a browser that never says it has finished) */
const SPEECH_CAP_MS = 8_000;

/**
 * Says the text once in zh-CN; resolves when said (or at the latest after a few seconds, as some browsers never
 * report the end); at once when the browser has no speech.
 */
export function speak(text: string): Promise<void> {
  if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.85;
  const voice = mandarinVoice();
  if (voice) utterance.voice = voice;
  return new Promise((resolve) => {
    const cap = setTimeout(resolve, SPEECH_CAP_MS);
    const done = () => {
      clearTimeout(cap);
      resolve();
    };
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
  });
}

/**
 * Announces calls one after another: each gets its chime and is said twice (as halls do), never two at once.
 */
export function createAnnouncer(onAnnounce: (text: string) => void): (text: string) => void {
  let chain: Promise<void> = Promise.resolve();
  return (text: string) => {
    chain = chain.then(async () => {
      onAnnounce(text);
      await chime();
      await speak(text);
      await speak(text);
    });
  };
}
