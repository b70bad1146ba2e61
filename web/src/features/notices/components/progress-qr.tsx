import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The address the QR code on a notice opens: the public progress page with the case number filled in. */
export const progressUrl = (caseNo: string): string => `${window.location.origin}/progress?caseNo=${encodeURIComponent(caseNo)}`;

/** A QR code to the case's public progress page, with its caption. */
export function ProgressQr({ caseNo }: { caseNo: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const url = progressUrl(caseNo);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 256 })
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="notice-qr">
      {src ? <img src={src} alt={`办理进度查询二维码：${url}`} /> : <div className="notice-qr-blank" />}
      <figcaption>
        扫码查询办理进度
        <br />
        <span>（需输入登记电话后四位）</span>
      </figcaption>
    </figure>
  );
}
