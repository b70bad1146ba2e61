import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsultApp } from '../consult/consult-app';
import { ComplaintApp } from './complaint-app';
import '@shared/phone.css';
import '../public-page.css';
import './complaint.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    {/* /consult and /consult/query (网上咨询) share this small bundle */}
    {window.location.pathname.startsWith('/consult') ? <ConsultApp /> : <ComplaintApp />}
  </StrictMode>,
);
