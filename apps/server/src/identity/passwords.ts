import { hash, verify } from '@node-rs/argon2';

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
}

/** argon2id (the library's default algorithm), parameters from configuration (OWASP: 19 MiB, 2 passes). */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly params: Argon2Params) {}

  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: this.params.memoryCost, timeCost: this.params.timeCost, parallelism: 1 });
  }

  async verify(stored: string | null, password: string): Promise<boolean> {
    if (stored === null) {
      // Unknown account: spend the same time as a real check, so timing does not tell which emails exist.
      this.dummy ??= this.hash('not-a-real-password');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }
}
