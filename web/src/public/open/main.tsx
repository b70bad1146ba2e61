import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OpenApp } from './open-app';
import '@shared/phone.css';
import '../public-page.css';
import './open.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <OpenApp />
  </StrictMode>,
);
