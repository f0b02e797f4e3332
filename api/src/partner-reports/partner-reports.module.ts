import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartnerReportsController } from './partner-reports.controller';
import { PartnerReportsService } from './partner-reports.service';

/** A partner organization's staff progress and completion CSV (docs/partner-reporting.md). */
@Module({
  imports: [OrganizationsModule],
  controllers: [PartnerReportsController],
  providers: [PartnerReportsService],
})
export class PartnerReportsModule {}
