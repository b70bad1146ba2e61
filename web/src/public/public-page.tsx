import { useState, type ReactNode } from 'react';

/**
 * 长辈版 (issue 11 §4): one switch on every public page, remembered on this phone (localStorage). It sets the class
 * `elder` on <html>; public-page.css then enlarges text (≥ 18 px, key figures ≥ 30 px), line height, contrast and
 * every touch target (≥ 60 × 60 px). Read at load, before the first paint, so a page never flashes small first.
 */
const ELDER_KEY = 'bm-elder';

function storedElder(): boolean {
  try {
    return window.localStorage.getItem(ELDER_KEY) === '1';
  } catch {
    // storage switched off (private mode on some phones): the switch still works for this page
    return false;
  }
}

function applyElder(on: boolean) {
  document.documentElement.classList.toggle('elder', on);
}

applyElder(storedElder());

function ElderSwitch() {
  const [on, setOn] = useState(storedElder);
  const toggle = () => {
    const next = !on;
    setOn(next);
    applyElder(next);
    try {
      if (next) window.localStorage.setItem(ELDER_KEY, '1');
      else window.localStorage.removeItem(ELDER_KEY);
    } catch {
      // not remembered, but switched
    }
  };
  return (
    <button type="button" role="switch" aria-checked={on} className="elder-switch" onClick={toggle}>
      <span className="elder-switch-name">长辈版</span>
      <span className="elder-switch-state" aria-hidden="true">
        {on ? '开' : '关'}
      </span>
    </button>
  );
}

/**
 * The frame of every public page (home, item guides, progress, rating, complaint, consultation …): the platform's
 * name at the top (a link home) with the 长辈版 switch, then the page. `wide` lets a page use a desktop's width.
 * Styles in public-page.css.
 */
export function PublicPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className={wide ? 'page page-wide' : 'page'}>
      <header className="brand">
        <a className="brand-home" href="/">
          <span className="brand-logo" aria-hidden="true">
            便
          </span>
          <span className="brand-name">便民服务平台</span>
        </a>
        <ElderSwitch />
      </header>
      {children}
    </main>
  );
}

/**
 * Two tabs of a public page that asks and looks up (我要投诉 / 查询投诉): plain links, so a phone without script or a
 * bookmark still lands on the right one; with script they switch without a reload.
 */
export function PublicTabs({ label, tabs }: { label: string; tabs: { href: string; title: string; current: boolean; open: () => void }[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            tab.open();
          }}
        >
          {tab.title}
        </a>
      ))}
    </nav>
  );
}
