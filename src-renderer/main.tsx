import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { windowBridge } from './bridge';
import { createAppStore } from './stores/app-store';
import { StoresContext } from './stores/stores-context';
import './styles.css';

const bridge = windowBridge();
const stores = { bridge, app: createAppStore(bridge) };

window.addEventListener('error', (event) => {
  void bridge.call('app.log', { level: 'error', message: `renderer error: ${event.message}` }).catch(() => {});
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoresContext.Provider value={stores}>
      <App />
    </StoresContext.Provider>
  </StrictMode>,
);
