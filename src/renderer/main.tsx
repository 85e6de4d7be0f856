import { StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { platform } from './platform/platform';
import { createAppStore } from './state/store';
import { StoreContext } from './state/useStore';
import { installPalettes } from './theme/installTheme';
import { i18n } from './i18n/i18n';
import './fonts';
import './styles.css';

installPalettes();

const store = createAppStore(platform.api);
void store.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoreContext.Provider value={store}>
        <ErrorBoundary part={i18n.t('part.app')}>
          <App />
        </ErrorBoundary>
      </StoreContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
