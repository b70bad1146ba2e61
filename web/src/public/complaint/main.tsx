import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComplaintApp } from './complaint-app';
import '@shared/phone.css';
import './complaint.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <ComplaintApp />
  </StrictMode>,
);
