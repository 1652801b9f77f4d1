import { STAFF_ROLES } from '@poa/domain';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { userSchema } from '../auth/auth.schemas';
import { email } from '../../common/schemas';
import { listQuerySchema, pageSchema } from '../../common/pagination';

export const inviteUserSchema = z.strictObject({ email, name: z.string().trim().min(1).max(200), role: z.enum(STAFF_ROLES) });
export class InviteUserDto extends createZodDto(
  inviteUserSchema.meta({ example: { email: 'sam@brightline.example', name: 'Sam Okafor', role: 'writer' } }),
) {}

export const updateUserSchema = z.strictObject({
  role: z.enum(STAFF_ROLES).optional(),
  name: z.string().trim().min(1).max(200).optional(),
});
export class UpdateUserDto extends createZodDto(updateUserSchema.meta({ example: { role: 'reviewer' } })) {}

export class UserDto extends createZodDto(userSchema) {}
export class UserPageDto extends createZodDto(pageSchema(userSchema)) {}
export class UserListQueryDto extends createZodDto(listQuerySchema) {}

export const invitedUserSchema = z.object({
  user: userSchema,
  inviteUrl: z.string(),
  inviteToken: z.string(),
  inviteExpiresAt: z.string(),
});
export class InvitedUserDto extends createZodDto(invitedUserSchema) {}
