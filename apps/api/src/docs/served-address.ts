/** Where a client reaches the socket: the values of the AsyncAPI servers' `host` and `port` variables. */
export interface ServedAddress {
  host: string;
  port: string;
}

/** A host name, an IPv4 address or a bracketed IPv6 one, and an optional port: nothing else is echoed. */
const HOST_HEADER = /^((?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;

/**
 * The address the client used, from the request's Host header; the port, when the header names
 * none, and both when the header is missing or malformed, are those of the connection the request
 * came in on: the ones the service is listening on.
 */
export function servedAddress(hostHeader: string | undefined, local: { address?: string; port?: number }): ServedAddress {
  const listening = {
    host: local.address?.includes(':') ? `[${local.address}]` : (local.address ?? '127.0.0.1'),
    port: String(local.port ?? 3000),
  };
  const [, host, port] = HOST_HEADER.exec(hostHeader ?? '') ?? [];
  if (!host || (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535))) return listening;
  return { host, port: port ?? listening.port };
}
