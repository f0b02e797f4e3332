import { apiCall, apiLogin, join, newPerson, openCohort } from './cohort-api';

/** `CertificateSummary` of docs/certificates.md, as the api answers it. */
export interface CertificateSummary {
  id: string;
  code: string;
  status: 'issued' | 'revoked';
  revokedAt: string | null;
  pdfReady: boolean;
  verifyUrl: string;
}

/**
 * A new trainee of a new Amman cohort (led by trainer@) whose completion rule asks for nothing, so the lead
 * trainer can issue their certificate at once — through the api, as the trainer's page would.
 */
export async function issuedCertificate(
  label: string,
  names: { nameLatin?: string; nameArabic?: string },
  cohortName: string,
): Promise<{ cohortId: string; enrollmentId: string; trainee: { email: string; password: string; token: string }; certificate: CertificateSummary }> {
  const cohortId = await openCohort({ name: cohortName, capacity: 5, mode: 'open', city: 'Amman' });
  const trainee = await newPerson(label, names, 'ar');
  const enrollment = await join(cohortId, trainee.token);
  const trainer = await apiLogin('trainer@example.org');
  await apiCall('PUT', `/api/cohorts/${cohortId}/completion-rule`, trainer, { minAttendancePercent: 0, requiredExercises: [], finalReview: false });
  const certificate = await apiCall<CertificateSummary>('POST', `/api/enrollments/${enrollment.id}/certificate`, trainer);
  return { cohortId, enrollmentId: enrollment.id, trainee, certificate };
}

/** Waits for the worker to render the certificate's PDF and sign its credential. */
export async function waitForPdf(holderToken: string, certificateId: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = await apiCall<CertificateSummary[]>('GET', '/api/me/certificates', holderToken);
    if (mine.find((c) => c.id === certificateId)?.pdfReady) return;
    if (Date.now() > deadline) throw new Error(`certificate ${certificateId} was not rendered within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
