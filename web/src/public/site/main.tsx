import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SiteApp } from './site-app';
import '@shared/phone.css';
import '../public-page.css';
import './site.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <SiteApp />
  </StrictMode>,
);
