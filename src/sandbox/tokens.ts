import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export type TokenKind = 'id' | 'access';

/** The claims of the sandbox's ID and access tokens (the doc's example, plus `token_use`). */
export interface TokenClaims extends JWTPayload {
  token_use: TokenKind;
  client_id: string;
  org_id?: string;
  auth_time?: number;
  email?: string | null;
}

export type VerifyFailure = 'expired' | 'invalid';

export class TokenError extends Error {
  constructor(readonly reason: VerifyFailure) {
    super(reason === 'expired' ? 'The token has expired.' : 'The token is invalid.');
  }
}

interface SigningKey {
  privateKey: CryptoKey;
  privateJwk: JWK;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** A new ES256 key pair, or the one saved by `exportPrivateJwk`. */
async function signingKey(saved?: JWK): Promise<SigningKey> {
  let privateJwk = saved;
  if (!privateJwk) {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
  }
  const { d: _private, ...publicPart } = privateJwk;
  const kid = privateJwk.kid ?? `sandbox-${(publicPart.x ?? '').slice(0, 8)}`;
  const publicJwk: JWK = {
    kty: publicPart.kty,
    crv: publicPart.crv,
    x: publicPart.x,
    y: publicPart.y,
    kid,
    alg: 'ES256',
    use: 'sig',
  };
  const privateWithKid = { ...privateJwk, kid };
  const privateKey = (await importJWK(privateWithKid, 'ES256')) as CryptoKey;
  const publicKey = (await importJWK(publicJwk, 'ES256')) as CryptoKey;
  return { privateKey, privateJwk: privateWithKid, publicKey, publicJwk };
}

/**
 * The sandbox's ES256 signing key and everything signed with it: ID and access
 * tokens, document download links and signing links. `rotate()` replaces the
 * key: whatever the old one signed is refused from then on.
 */
export class TokenIssuer {
  #issuer: string;
  #key: SigningKey;
  readonly #now: () => number;
  readonly #links = new Map<string, { url: string; issuedAt: number }>();

  private constructor(issuer: string, key: SigningKey, now: () => number) {
    this.#issuer = issuer;
    this.#key = key;
    this.#now = now;
  }

  /** A new key pair, or the one saved by `exportPrivateJwk` (so tokens survive a restart). */
  static async create(options: { issuer: string; privateJwk?: JWK; now: () => number }): Promise<TokenIssuer> {
    return new TokenIssuer(options.issuer, await signingKey(options.privateJwk), options.now);
  }

  /** The public half of the current key (the JWKS serves only this one). */
  get publicJwk(): JWK {
    return this.#key.publicJwk;
  }

  /**
   * A new signing key, as after a key rotation at PaperOS: tokens and links signed
   * with the old key fail verification from now on. Resolves to the new key id.
   */
  async rotate(): Promise<string> {
    this.#key = await signingKey();
    this.#links.clear();
    return this.#key.publicJwk.kid!;
  }

  get issuer(): string {
    return this.#issuer;
  }

  /** A new issuer (the public base URL) also retires every cached link. */
  set issuer(value: string) {
    this.#issuer = value;
    this.#links.clear();
  }

  /** The private key, for the data file only (never served). */
  exportPrivateJwk(): JWK {
    return { ...this.#key.privateJwk };
  }

  seconds(): number {
    return Math.floor(this.#now() / 1000);
  }

  /** Signs `claims` with `iss`, `iat` and `exp` (and a `jti` unless `withJti` is false). */
  async sign(claims: Record<string, unknown>, ttlSec: number, withJti = true): Promise<string> {
    const iat = this.seconds();
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', kid: this.#key.publicJwk.kid!, alg: 'ES256' })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSec);
    if (withJti) jwt.setJti(randomToken(16));
    return jwt.sign(this.#key.privateKey);
  }

  /** Verifies signature (ES256 only), issuer and expiry; throws a TokenError. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.#key.publicKey, {
        issuer: this.issuer,
        algorithms: ['ES256'],
        currentDate: new Date(this.#now()),
      });
      return payload as TokenClaims;
    } catch (error) {
      throw new TokenError((error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid');
    }
  }

  /**
   * `<issuer><path>/<JWT of claims, iat, exp, iss>`, like the doc's document URLs.
   * A link is reused for the first third of its life: repeated list calls give
   * the same body (so ETags hold) and a 10 000-document list is not re-signed
   * on every call, while every link handed out still has two thirds of its life.
   */
  async link(key: string, path: string, claims: Record<string, unknown>, ttlSec: number): Promise<string> {
    const now = this.#now();
    const cached = this.#links.get(key);
    if (cached && now - cached.issuedAt < (ttlSec * 1000) / 3) return cached.url;
    const signedWith = this.#key;
    const url = `${this.issuer}${path}/${await this.sign(claims, ttlSec, false)}`;
    // a rotation while signing: this link still goes out, but is not kept
    if (this.#key === signedWith) this.#links.set(key, { url, issuedAt: now });
    return url;
  }
}

/** `bytes` random bytes as base64url. */
export function randomToken(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
}
