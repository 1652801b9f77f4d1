import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from '@poa/telemetry';

/** Sends the spans still buffered when the worker stops. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
