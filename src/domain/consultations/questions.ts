/**
 * The questions asked most about an item (issue 10 §3): questions saying the same thing in other words are grouped
 * and counted, so the center sees what people keep asking and turns it into the item's FAQ. A question is reduced
 * to its content (full-width folded, punctuation, spaces and polite fillers such as 请问/你好/吗 dropped); equal
 * contents are one group; contents whose character pairs overlap enough (Dice ≥ SIMILAR) join the same group. Pure
 * and deterministic: the same questions give the same groups whatever order they come in for equal contents.
 */
export interface AskedQuestion {
  id: string;
  question: string;
  answer: string | null;
  askedAt: string;
  /** already promoted into this FAQ entry */
  faqId: string | null;
}

export interface QuestionGroup {
  /** the wording asked most often in the group (ties: the latest asked) */
  question: string;
  /** the latest answer given in the group */
  answer: string | null;
  count: number;
  lastAskedAt: string;
  ids: string[];
  /** the FAQ entries questions of the group were promoted into */
  faqIds: string[];
  /** the latest answered question of the group (to promote) */
  sampleId: string;
}

export const SIMILAR = 0.5;

const FILLERS = ['请问一下', '请问', '你好', '您好', '想问一下', '想问问', '问一下', '咨询一下', '我想问', '我想', '一下', '麻烦', '谢谢'];
// question particles at the end (嘛/吗/呢…); 什么 keeps its 么
const PARTICLES = /[吗嘛呢啊呀吧哈]+$/u;

/** The content of a question: what stays when wording that does not change its meaning is removed. */
export function questionContent(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  s = s.replace(/[^\p{L}\p{N}]/gu, '');
  for (const f of FILLERS) s = s.replaceAll(f, '');
  s = s.replace(PARTICLES, '');
  return s;
}

/** The character pairs of a content (a single character is its own pair). */
export function pairsOf(content: string): Set<string> {
  const chars = [...content];
  if (chars.length <= 1) return new Set(chars);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  return pairs;
}

/** Dice coefficient of two pair sets: 1 equal, 0 nothing in common. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let common = 0;
  for (const p of a) if (b.has(p)) common++;
  return (2 * common) / (a.size + b.size);
}

const byTime = (a: AskedQuestion, b: AskedQuestion) => (a.askedAt < b.askedAt ? -1 : a.askedAt > b.askedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Groups the questions, most asked first (then latest asked, then wording). */
export function groupQuestions(questions: readonly AskedQuestion[], threshold = SIMILAR): QuestionGroup[] {
  // 1. equal contents together, in order of the first time each was asked
  const sorted = [...questions].sort(byTime);
  const byContent = new Map<string, AskedQuestion[]>();
  for (const q of sorted) {
    const key = questionContent(q.question);
    const list = byContent.get(key);
    if (list) list.push(q);
    else byContent.set(key, [q]);
  }
  // 2. similar contents into clusters; a content joins the cluster whose first content it resembles most
  const clusters: { pairs: Set<string>; members: AskedQuestion[] }[] = [];
  for (const [content, members] of byContent) {
    const pairs = pairsOf(content);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = threshold;
    for (const c of clusters) {
      const score = content === '' ? 0 : similarity(pairs, c.pairs);
      if (score >= bestScore && (!best || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    if (best) best.members.push(...members);
    else clusters.push({ pairs, members: [...members] });
  }
  // 3. each cluster as a group
  const groups = clusters.map(({ members }): QuestionGroup => {
    const ordered = [...members].sort(byTime);
    const wordings = new Map<string, { count: number; last: string }>();
    for (const m of ordered) {
      const w = m.question.trim();
      const seen = wordings.get(w);
      wordings.set(w, { count: (seen?.count ?? 0) + 1, last: m.askedAt });
    }
    const [question] = [...wordings.entries()].sort((a, b) => b[1].count - a[1].count || (a[1].last < b[1].last ? 1 : a[1].last > b[1].last ? -1 : 0))[0]!;
    const answered = ordered.filter((m) => m.answer);
    const latest = ordered[ordered.length - 1]!;
    const sample = answered[answered.length - 1] ?? latest;
    return {
      question,
      answer: sample.answer,
      count: ordered.length,
      lastAskedAt: latest.askedAt,
      ids: ordered.map((m) => m.id),
      faqIds: [...new Set(ordered.flatMap((m) => (m.faqId ? [m.faqId] : [])))],
      sampleId: sample.id,
    };
  });
  return groups.sort(
    (a, b) => b.count - a.count || (a.lastAskedAt < b.lastAskedAt ? 1 : a.lastAskedAt > b.lastAskedAt ? -1 : 0) || (a.question < b.question ? -1 : a.question > b.question ? 1 : 0),
  );
}
