import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { windowBridge } from './bridge';
import { createStores } from './stores/create-stores';
import { StoresContext } from './stores/stores-context';
import './styles.css';
import './friction.css';
import './small-screens.css';

const bridge = windowBridge();
const stores = createStores(bridge);

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
