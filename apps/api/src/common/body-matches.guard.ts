import { mixin, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { z } from 'zod';

/**
 * Validates the body in a guard, for routes whose later guards read it: guards run before pipes, so a passport
 * strategy would otherwise see the body unchecked.
 */
export function BodyMatches(schema: z.ZodType): Type<CanActivate> {
  class BodyMatchesGuard implements CanActivate {
    canActivate(context: ExecutionContext): boolean {
      const result = schema.safeParse(context.switchToHttp().getRequest<Request>().body);
      if (!result.success) throw new ZodValidationException(result.error);
      return true;
    }
  }
  return mixin(BodyMatchesGuard);
}
