import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PartnerReportsController } from './partner-reports.controller';
import { PartnerReportsService } from './partner-reports.service';
import { PartnerSummaryController } from './partner-summary.controller';
import { PartnerSummaryService } from './partner-summary.service';

/** A partner organization's staff progress and completion CSV (docs/partner-reporting.md). */
@Module({
  imports: [OrganizationsModule],
  controllers: [PartnerReportsController, PartnerSummaryController],
  providers: [PartnerReportsService, PartnerSummaryService],
})
export class PartnerReportsModule {}
