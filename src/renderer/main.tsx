import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { platform } from './platform/platform';
import { createAppStore } from './state/store';
import { StoreContext } from './state/useStore';
import { installPalettes } from './theme/installTheme';
import './styles.css';

installPalettes();

const store = createAppStore(platform.api);
void store.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ErrorBoundary part="Spanlight">
        <App />
      </ErrorBoundary>
    </StoreContext.Provider>
  </StrictMode>,
);
