import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

const verifiers = new Map<string, (token: string) => Promise<JWTPayload>>();

/**
 * Verifies a PaperOS token against the issuer's published keys
 * (`/.well-known/jwks.json`, fetched and cached by jose): signature (ES256
 * only), issuer and expiry, with a small clock tolerance (default 30 s).
 */
export function createTokenVerifier(options: { issuer: string; jwksUrl?: string; clockToleranceSec?: number }) {
  const issuer = options.issuer.replace(/\/+$/, '');
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${issuer}/.well-known/jwks.json`));
  return async (token: string): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, jwks, {
      issuer,
      algorithms: ['ES256'],
      clockTolerance: options.clockToleranceSec ?? 30,
    });
    return payload;
  };
}

/**
 * Verifies one token; the key set is kept per issuer and JWKS URL, so repeated
 * calls do not refetch the keys.
 */
export async function verifyToken(
  token: string,
  options: { issuer: string; jwksUrl?: string; clockToleranceSec?: number },
): Promise<JWTPayload> {
  const key = JSON.stringify([options.issuer, options.jwksUrl ?? null, options.clockToleranceSec ?? null]);
  let verify = verifiers.get(key);
  if (!verify) {
    verify = createTokenVerifier(options);
    // a handful of issuers at most; forget the oldest beyond that
    if (verifiers.size >= 16) verifiers.delete(verifiers.keys().next().value!);
    verifiers.set(key, verify);
  }
  return verify(token);
}
