import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import type { Locale } from '../../common/localized-text';
import { NormalizeEmail } from '../../common/text-rules';
import { LocaleField, NameField, TimeZoneField } from '../../users/dto/profile-fields';
import { GivenPasswordField, NewPasswordField } from '../password-policy';

export const EMAIL_MAX = 254;

export const EmailField = () => (target: object, key: string | symbol) => {
  ApiProperty({ format: 'email', maxLength: EMAIL_MAX, example: 'layla@example.org' })(target, key);
  NormalizeEmail()(target, key);
  IsString()(target, key);
  MaxLength(EMAIL_MAX, { context: { max: EMAIL_MAX } })(target, key);
  IsEmail({ allow_utf8_local_part: false })(target, key);
};

export class RegisterDto {
  @EmailField() email: string;
  @NewPasswordField() password: string;
  @NameField('Name in Latin script (this or nameArabic is required)') nameLatin?: string;
  @NameField('Name in Arabic script (this or nameLatin is required)') nameArabic?: string;
  @LocaleField(true) locale: Locale;
  @TimeZoneField(true) timeZone: string;
}

export class LoginDto {
  @EmailField() email: string;
  @GivenPasswordField() password: string;
}

export class PasswordResetRequestDto {
  @EmailField() email: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the emailed link.' })
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  token: string;

  @NewPasswordField() password: string;
}

export class ChangePasswordDto {
  @GivenPasswordField() currentPassword: string;
  @NewPasswordField() newPassword: string;
}
