import {
  Counter,
  Histogram,
  Meter,
  metrics,
  ObservableGauge,
} from '@opentelemetry/api';

/**
 * OpenTelemetry metrics of the discovery cycle, through the global meter
 * provider as Backstage core does; without an SDK configured they cost
 * nothing.
 *
 * @public
 */
export class DiscoveryMetrics {
  private readonly requests: Counter;
  private readonly listings: Counter;
  private readonly cycleDuration: Histogram;
  private readonly failingGauge: ObservableGauge;
  private failing = 0;

  constructor(meter: Meter = metrics.getMeter('base-image-tags')) {
    this.requests = meter.createCounter('base_image_tags.registry.requests', {
      description:
        'Registry HTTP requests made by tag listings, by outcome of the listing',
    });
    this.listings = meter.createCounter('base_image_tags.listings', {
      description: 'Repository tag listings, by outcome',
    });
    this.cycleDuration = meter.createHistogram(
      'base_image_tags.cycle.duration',
      { description: 'Duration of a discovery cycle', unit: 's' },
    );
    this.failingGauge = meter.createObservableGauge(
      'base_image_tags.repositories.failing',
      { description: 'Repositories whose last listing failed' },
    );
    this.failingGauge.addCallback(result => result.observe(this.failing));
  }

  /**
   * Records one listing. `outcome` is `ok` or the registry error kind; a
   * failed listing does not report how many requests it made, so it counts
   * as one.
   */
  recordListing(outcome: string, requests: number): void {
    this.listings.add(1, { outcome });
    this.requests.add(requests, { outcome });
  }

  /** Records a finished cycle and the number of failing repositories. */
  recordCycle(durationMs: number, failingRepositories: number): void {
    this.cycleDuration.record(durationMs / 1000);
    this.failing = failingRepositories;
  }
}
