import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '@poa/domain';
import { email, password } from '../../common/schemas';

export const signupSchema = z.strictObject({
  agencyName: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  email,
  password,
});
export class SignupDto extends createZodDto(
  signupSchema.meta({
    example: {
      agencyName: 'Brightline Compliance',
      name: 'Dana Reyes',
      email: 'dana@brightline.example',
      password: 'correct-horse-battery-7',
    },
  }),
) {}

export const loginSchema = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });
export class LoginDto extends createZodDto(
  loginSchema.meta({ example: { email: 'dana@brightline.example', password: 'correct-horse-battery-7' } }),
) {}

export const acceptInviteSchema = z.strictObject({ token: z.string().min(10).max(300), password });
export class AcceptInviteDto extends createZodDto(
  acceptInviteSchema.meta({ example: { token: 'the-token-from-the-invite-link', password: 'correct-horse-battery-7' } }),
) {}

export const confirmEmailSchema = z.strictObject({ token: z.string().min(10).max(300) });
export class ConfirmEmailDto extends createZodDto(confirmEmailSchema.meta({ example: { token: 'the-token-from-the-emailed-link' } })) {}

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().max(200), newPassword: password });
export class ChangePasswordDto extends createZodDto(
  changePasswordSchema.meta({ example: { currentPassword: 'correct-horse-battery-7', newPassword: 'staple-lantern-orbit-42' } }),
) {}

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(['active', 'invited', 'deactivated']),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const brandingSchema = z.object({
  primaryColor: z.string(),
  logoDataUri: z.string().nullable(),
  letterhead: z.string().nullable(),
  paperSize: z.enum(['A4', 'Letter']),
});

export const tenantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  branding: brandingSchema,
  deletionScheduledFor: z
    .string()
    .nullable()
    .describe('When an owner asked to delete the agency: all of its data is purged at this time unless an owner cancels first'),
});

export const sessionSchema = z.object({ accessToken: z.string(), user: userSchema, tenant: tenantSchema });
export class SessionDto extends createZodDto(sessionSchema) {}

export const meSchema = z.object({ user: userSchema, tenant: tenantSchema });
export class MeDto extends createZodDto(meSchema) {}
