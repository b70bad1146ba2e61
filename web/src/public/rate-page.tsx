/** 服务评价 (/rate?t=…): opened from the QR code on the 办结通知书 or the SMS invitation's link. */
import { RatingForm } from './rating-form';
import { PublicPage } from './public-page';

export function RatePage() {
  const token = new URLSearchParams(window.location.search).get('t') ?? '';
  return (
    <PublicPage>
      <h1>服务评价</h1>
      {token ? (
        <RatingForm caseRef={{ token }} showCase />
      ) : (
        <p className="problem" role="alert">
          链接不完整：请重新扫描办结通知书上的二维码，或在 <a href="/progress">办件进度查询</a> 中用办件编号和电话后四位评价。
        </p>
      )}
      <footer className="footer">一事一评：每件事只能评价一次。评价不显示您的个人信息。</footer>
    </PublicPage>
  );
}
