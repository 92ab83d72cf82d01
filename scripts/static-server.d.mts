import type { Server } from 'node:http';
export function startStaticServer(root: string, port: number): Promise<Server>;
