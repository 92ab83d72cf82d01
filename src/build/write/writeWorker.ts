/**
 * The writer thread of a big import (write.ts starts it): workerData is the
 * staging folder and the previous dataset (WriterData); each request (fileBatches.ts) is applied in order and
 * answered; after a failure nothing more is written (workers.ts serve).
 */
import { workerData } from 'node:worker_threads';
import { serve } from '../lib/workers.ts';
import { type WriterAnswer, type WriterData, type WriterMessage, batchWriter } from './fileBatches.ts';

serve<WriterMessage, WriterAnswer>(batchWriter(workerData as WriterData));
