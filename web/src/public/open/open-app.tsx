import { useEffect, useState, type ReactNode } from 'react';
import { PublicPage } from '../public-page';
import { CenterList } from './center-list';
import { CenterPage } from './center-page';

/** '/open' → null (the list); '/open/<id>' → the id. */
const centerIdOf = (pathname: string): string | null => {
  const m = /^\/open\/([^/]+)\/?$/.exec(pathname);
  return m ? decodeURIComponent(m[1]!) : null;
};

/**
 * 政务公开 (issue 11 §3): /open lists the county center, the township centers and their village rooms; /open/<id>
 * shows one center's page in sections. Plain links (a bookmark or a phone without script lands right); with script
 * they switch without a reload, and the back button works.
 */
export function OpenApp() {
  const [id, setId] = useState(() => centerIdOf(window.location.pathname));
  useEffect(() => {
    const back = () => setId(centerIdOf(window.location.pathname));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const open = (next: string | null) => {
    window.history.pushState(null, '', next ? `/open/${encodeURIComponent(next)}` : '/open');
    setId(next);
    window.scrollTo(0, 0);
  };
  return <PublicPage>{id ? <CenterPage key={id} id={id} open={open} /> : <CenterList open={open} />}</PublicPage>;
}

/** A link that switches the page without a reload (and is a real link for a new tab or no script). */
export function OpenLink({ to, open, children, className }: { to: string | null; open: (id: string | null) => void; children: ReactNode; className?: string }) {
  return (
    <a
      className={className}
      href={to ? `/open/${encodeURIComponent(to)}` : '/open'}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        open(to);
      }}
    >
      {children}
    </a>
  );
}
