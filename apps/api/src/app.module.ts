import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '@poa/config';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { AccessGuard } from './auth/access.guard';
import { IdentityModule } from './auth/identity.module';
import { CoreModule } from './core/core.module';
import { ErrorFilter } from './core/error.filter';
import { HealthModule } from './health/health.module';
import { OutboxModule } from './outbox/outbox.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config), HealthModule, IdentityModule, OutboxModule],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
