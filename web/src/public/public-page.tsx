import type { ReactNode } from 'react';

/**
 * The frame of every public page (progress, rating, complaint, consultation): the platform's name at the top, then
 * the page. Styles in public-page.css.
 */
export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <main className="page">
      <header className="brand">
        <div className="brand-logo" aria-hidden="true">
          便
        </div>
        <div className="brand-name">便民服务平台</div>
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
