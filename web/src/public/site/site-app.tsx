import { useEffect, useState, type MouseEvent } from 'react';
import { PublicPage } from '../public-page';
import { CategoryPage } from './category-page';
import { HomePage } from './home-page';
import { ItemGuide } from './item-guide';
import { NotFoundPage } from './not-found-page';

/**
 * The site's pages by address: / (home), /items/<code> (办事指南), /categories/<name> (one category's items). Any
 * other address reaching this page is one the server knows no page for (it answered 404): 页面不存在.
 */
type Route = { kind: 'home'; q: string } | { kind: 'item'; code: string } | { kind: 'category'; name: string } | { kind: 'not-found' };

function route(): Route {
  const path = window.location.pathname;
  const item = /^\/items\/([^/]+)\/?$/.exec(path);
  if (item) return { kind: 'item', code: decodeURIComponent(item[1]!) };
  const category = /^\/categories\/([^/]+)\/?$/.exec(path);
  if (category) return { kind: 'category', name: decodeURIComponent(category[1]!) };
  if (path !== '/') return { kind: 'not-found' };
  return { kind: 'home', q: new URLSearchParams(window.location.search).get('q') ?? '' };
}

/**
 * Links inside the site change the page without a reload (a slow network fetches only the new data); they stay
 * plain links, so a long press, a new tab, the keyboard and a phone without script all work as usual.
 */
function followInside(event: MouseEvent, setRoute: (r: Route) => void) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest('a');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname !== '/' && !url.pathname.startsWith('/items/') && !url.pathname.startsWith('/categories/')) return;
  event.preventDefault();
  window.history.pushState(null, '', url.pathname + url.search);
  setRoute(route());
  window.scrollTo(0, 0);
}

export function SiteApp() {
  const [current, setCurrent] = useState(route);
  useEffect(() => {
    const back = () => setCurrent(route());
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  useEffect(() => {
    document.title =
      current.kind === 'home'
        ? '便民服务平台 · 网上办事大厅'
        : current.kind === 'category'
          ? `${current.name} · 办事指南 · 便民服务平台`
          : current.kind === 'not-found'
            ? '页面不存在 · 便民服务平台'
            : '办事指南 · 便民服务平台';
  }, [current]);

  return (
    <div onClick={(e) => followInside(e, setCurrent)}>
      <PublicPage wide>
        {current.kind === 'home' && <HomePage initialQ={current.q} />}
        {current.kind === 'item' && <ItemGuide key={current.code} code={current.code} />}
        {current.kind === 'category' && <CategoryPage key={current.name} name={current.name} />}
        {current.kind === 'not-found' && <NotFoundPage />}
      </PublicPage>
    </div>
  );
}
