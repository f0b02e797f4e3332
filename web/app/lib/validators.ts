import { parseWithZod } from '@conform-to/zod';
import * as schemas from './schemas';

/**
 * Browser-side validation with the very schemas the actions use. This module (zod and conform's zod adapter,
 * about 23 kB gzipped) is loaded after hydration by `useValidator`, so it never delays the first paint; without
 * JavaScript, or until it arrives, the action validates alone.
 */
export const validators = {
  login: (formData: FormData) => parseWithZod(formData, { schema: schemas.loginSchema }),
  signup: (formData: FormData) => parseWithZod(formData, { schema: schemas.signupSchema }),
  forgotPassword: (formData: FormData) => parseWithZod(formData, { schema: schemas.forgotPasswordSchema }),
  resetPassword: (formData: FormData) => parseWithZod(formData, { schema: schemas.resetPasswordSchema }),
  acceptInvitation: (formData: FormData) => parseWithZod(formData, { schema: schemas.acceptInvitationSchema }),
  profile: (formData: FormData) => parseWithZod(formData, { schema: schemas.profileSchema }),
  changePassword: (formData: FormData) => parseWithZod(formData, { schema: schemas.changePasswordSchema }),
  invite: (formData: FormData) => parseWithZod(formData, { schema: schemas.inviteSchema }),
  changeRole: (formData: FormData) => parseWithZod(formData, { schema: schemas.changeRoleSchema }),
  createOrganization: (formData: FormData) => parseWithZod(formData, { schema: schemas.createOrganizationSchema }),
};
