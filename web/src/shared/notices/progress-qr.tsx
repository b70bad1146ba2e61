import { useEffect, useState } from 'react';

/**
 * The QR code to the case's public progress page at the deployment's public address (never the address this
 * browser opened the console at, which a villager's phone cannot reach). Without a public address the paper
 * prints how else to ask instead of a code that leads nowhere. The QR library loads only with a sheet, so a page
 * that may show one (the applicant's 我的办件) does not carry it.
 */
export function ProgressQr({ url, caseNo, phone }: { url: string | null; caseNo: string; phone?: string | null | undefined }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 256 }))
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (!url) {
    return (
      <div className="notice-qr notice-qr-none" data-testid="notice-no-qr">
        办理进度查询：凭办件编号 {caseNo} 和登记电话后四位，到本中心窗口
        {phone ? (
          <>
            或拨打 <span style={{ whiteSpace: 'nowrap' }}>{phone}</span>{' '}
          </>
        ) : null}
        查询。
      </div>
    );
  }
  return (
    <figure className="notice-qr">
      {src ? <img src={src} alt={`办理进度查询二维码：${url}`} /> : <div className="notice-qr-blank" />}
      <figcaption>
        扫码查询办理进度
        <br />
        <span>（需输入登记电话后四位）</span>
        <br />
        <span className="notice-qr-url">{url.replace(/\?.*$/, '')}</span>
      </figcaption>
    </figure>
  );
}
