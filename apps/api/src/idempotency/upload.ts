import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import type { Observable } from 'rxjs';

const UPLOAD_KEY = 'poa:upload';

/**
 * A multipart upload of one file in `field` (multer, memory storage), read by UploadInterceptor: a global
 * interceptor that runs right after the guards and before the idempotency check, so the file is part of the
 * request's fingerprint. (A route's own @UseInterceptors would run after the global ones: too late.)
 */
export const Upload = (field: string, options: MulterOptions) => SetMetadata(UPLOAD_KEY, FileInterceptor(field, options));

@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly instances = new Map<Type<NestInterceptor>, NestInterceptor>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> | Promise<Observable<unknown>> {
    const upload = this.reflector.get<Type<NestInterceptor> | undefined>(UPLOAD_KEY, context.getHandler());
    if (!upload) return next.handle();
    let instance = this.instances.get(upload);
    if (!instance) {
      instance = new upload();
      this.instances.set(upload, instance);
    }
    return instance.intercept(context, next);
  }
}
