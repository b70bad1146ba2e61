import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountApp } from './account-app';
import '@shared/phone.css';
import '../public-page.css';
import './account.css';
import '../applications/applications.css';
import '../appointments/appointments.css';

const container = document.getElementById('root');
if (!container) throw new Error('缺少 #root 元素');

createRoot(container).render(
  <StrictMode>
    <AccountApp />
  </StrictMode>,
);
