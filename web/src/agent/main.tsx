import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startOffline } from './offline/register-worker';
import '@shared/phone.css';
import './agent.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

// the offline queue where the page is a secure context; over plain HTTP nothing changes
startOffline();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
