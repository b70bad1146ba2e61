import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HallApp } from './hall-app';
import './hall.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <HallApp />
  </StrictMode>,
);
