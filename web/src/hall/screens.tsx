import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HallApp } from './hall-app';
import './hall.css';

/** The hall's own screens: rating pad, kiosk and display (large type, the hall's styles). */
export function mount(container: HTMLElement) {
  createRoot(container).render(
    <StrictMode>
      <HallApp />
    </StrictMode>,
  );
}
