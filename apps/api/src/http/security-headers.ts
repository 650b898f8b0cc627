import helmet from 'helmet';

/**
 * The policy pages get: load only what this service serves (the docs need inline styles, the
 * viewer its own socket). Written out in full rather than helmet's defaults, whose
 * `upgrade-insecure-requests` would break the service where it is served over plain HTTP.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * Headers every answer carries, through helmet: the content policy above, no MIME sniffing, no
 * framing, no referrer, a browsing context and resources of its own, and helmet's other defaults
 * (HSTS, which browsers heed only over HTTPS; Origin-Agent-Cluster; no DNS prefetching).
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});
