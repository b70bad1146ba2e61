import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ProgressPage } from './progress-page';
import '@shared/phone.css';
import './progress.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <ProgressPage />
  </StrictMode>,
);
