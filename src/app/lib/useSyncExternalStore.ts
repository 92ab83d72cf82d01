/**
 * react-i18next imports `use-sync-external-store/shim` to support React < 18;
 * React 19 has the hook built in, so vite.config.ts points the shim here.
 */
export { useSyncExternalStore } from 'react';
