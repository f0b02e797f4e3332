import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../organization-member.entity';

export class UpdateMemberDto {
  @ApiProperty({ enum: ORGANIZATION_ROLES })
  @IsIn(ORGANIZATION_ROLES, { context: { values: ORGANIZATION_ROLES.join(', ') } })
  role: OrganizationRole;
}
