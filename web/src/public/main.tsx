import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProgressPage } from './progress-page';
import { RatePage } from './rate-page';
import { RateFixPage } from './rate-fix-page';
import '@shared/phone.css';
import './public-page.css';
import './progress.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    {/* /rate: the QR code on the 办结通知书 and the SMS link (好差评); everything else the progress page */}
    {/* /rate-fix: the SMS telling the rater of a 差评 how it was rectified (差评整改) */}
    {window.location.pathname.startsWith('/rate-fix') ? <RateFixPage /> : window.location.pathname.startsWith('/rate') ? <RatePage /> : <ProgressPage />}
  </StrictMode>,
);
