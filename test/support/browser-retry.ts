// A real browser over real servers can lose a race the product does not (a revalidation landing a frame late).
// Retry a failed browser test up to twice, printing the first failure so flakes stay visible in the log.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
