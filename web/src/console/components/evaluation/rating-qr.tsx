import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import './rating-qr.css';
import { useQuery } from '@tanstack/react-query';
import { ratingLinkSchema } from '@domain/evaluation/contract';
import { apiRequest } from '@/lib/api-client';

/** The signed rating link of a case (null without a public address); the same key as the evaluations feature's. */
const useRatingLink = (caseId: string) =>
  useQuery({
    queryKey: ['evaluations', 'link', caseId],
    queryFn: ({ signal }) => apiRequest('/evaluations/rating-link', ratingLinkSchema, { query: { caseId }, signal }),
    staleTime: Infinity,
  });

/**
 * Shared by the notices (a component, not a feature: the notice sheet is assembled from several features).
 * The rating QR code on the 办结通知书 (好差评): a signed link at the deployment's public address (never this
 * browser's), so the villager rates this case with one scan and without typing the phone's digits. Without a public
 * address the sheet says where else to rate.
 */
export function RatingQr({ caseId }: { caseId: string }) {
  const link = useRatingLink(caseId);
  const url = link.data?.url ?? null;
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return;
    let live = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 256 })
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (link.isPending) return <div className="rating-qr"><div className="rating-qr-blank" /></div>;
  if (!url) {
    return (
      <div className="rating-qr rating-qr-none" data-testid="rating-no-qr">
        服务评价：请在窗口评价器上评价，或在办件进度查询页评价。
      </div>
    );
  }
  return (
    <figure className="rating-qr" data-testid="rating-qr" data-url={url}>
      {src ? <img src={src} alt="服务评价二维码" /> : <div className="rating-qr-blank" />}
      <figcaption>
        扫码评价本次服务
        <br />
        <span>（非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意）</span>
      </figcaption>
    </figure>
  );
}
