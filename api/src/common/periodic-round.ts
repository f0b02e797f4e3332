import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * A worker task that runs one `round()` every `intervalMs`: never two rounds at once, a failed round logged and
 * retried at the next tick, and shutdown waiting for the round in flight. Subclasses say what a round does.
 */
export abstract class PeriodicRound implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  protected constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    /** Also run a round as soon as the process has started, rather than only after the first interval. */
    private readonly options: { atStart?: boolean } = {},
  ) {
    this.logger = new Logger(name);
  }

  protected abstract round(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.start(), this.intervalMs);
    this.timer.unref();
    if (this.options.atStart) this.start();
  }

  private start(): void {
    this.running ??= this.round()
      .catch((error: unknown) => this.logger.warn(`${this.name} failed; next round in ${this.intervalMs / 60_000} min: ${(error as Error).message}`))
      .finally(() => (this.running = undefined));
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
