import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config';

/** What Confide asks a payment provider to take. No card data: the provider collects that itself. */
export interface PaymentRequest {
  /** Confide's payment id, sent to the provider as its idempotency key and reference. */
  readonly paymentId: string;
  readonly amountPence: number;
  readonly currency: 'GBP';
  /** Shown on the patient's statement: never clinical detail. */
  readonly description: string;
}

export interface PaymentResult {
  /** `pending` when the provider will confirm later (e.g. by webhook); `failed` when declined. */
  readonly status: 'paid' | 'pending' | 'failed';
  readonly providerReference: string | null;
}

/** A payment provider behind one small interface, so a real one (Stripe, Adyen, ...) can be plugged in. */
export interface PaymentProvider {
  readonly name: string;
  charge(request: PaymentRequest): Promise<PaymentResult>;
}

/**
 * In-process provider for development and tests: takes no money and settles at once, as configured
 * (PAYMENT_TEST_OUTCOME). Refused in production by the configuration.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  readonly charges: PaymentRequest[] = [];

  constructor(private readonly outcome: 'paid' | 'declined') {}

  async charge(request: PaymentRequest): Promise<PaymentResult> {
    this.charges.push(request);
    return { status: this.outcome === 'paid' ? 'paid' : 'failed', providerReference: `test_${randomUUID()}` };
  }
}

/** The configured provider, or null when private pay is off. */
export function paymentProviderFor(config: Config): PaymentProvider | null {
  return config.payments.provider === 'test' ? new TestPaymentProvider(config.payments.testOutcome) : null;
}
