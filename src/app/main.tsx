import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { i18n, isLang, loadLanguage, preferredLang } from '../i18n/index.ts';
import { createQueryClient } from './queryClient.ts';
import { createRoutes } from './routes.tsx';
import { App } from './App.tsx';
import { startServiceWorker } from '../offline/register.ts';
import './styles.css';

const queryClient = createQueryClient();
const urlLang = location.pathname.split('/')[1];
// The shell's strings are ready before the first paint.
await loadLanguage(i18n, isLang(urlLang) ? urlLang : preferredLang());
const router = createBrowserRouter(createRoutes({ queryClient, i18n }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);

startServiceWorker();
