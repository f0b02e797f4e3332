import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class AdminUpdateUserDto {
  @ApiProperty({ description: 'Platform admin rights.' })
  @IsBoolean()
  isAdmin: boolean;
}
