import { createHash } from 'node:crypto';

/** The CSP source expression that allows exactly this inline script or style: `'sha256-…'`. */
export const cspHash = (source: string): string => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
