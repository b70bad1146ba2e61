import { ServiceLinks } from './home-page';

/**
 * 页面不存在: an address of the public site that leads nowhere (mistyped, or an old link). The server answers it
 * with 404 and this page; it sends the person home and offers the other public pages, as the home page does.
 */
export function NotFoundPage() {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">页面不存在</h1>
      <p className="lead">没有找到您要打开的页面，可能是网址输错了，或者页面已经撤下。请回到网上办事大厅查找。</p>
      <a className="not-found-home" href="/">
        返回网上办事大厅
      </a>
      <h2 className="section-title">您也可以</h2>
      <ServiceLinks />
    </section>
  );
}
