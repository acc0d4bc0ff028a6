// The key a per-address limit counts under. An IPv4 address is one key; an IPv6 client usually holds a
// whole /64 (a home, a phone), and could otherwise take a fresh address for every request, so its /64
// network is the key. Fastify's req.ip already honours TRUST_PROXY (X-Forwarded-For only from trusted proxies).
import { isIPv4, isIPv6 } from 'node:net';

/** Expands an IPv6 address to its eight groups (without a zone, embedded IPv4 turned into two groups). */
function ipv6Groups(address: string): string[] {
  let text = address.split('%')[0]!.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.padStart(4, '0'));
}

export function addressKey(ip: string): string {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const groups = ipv6Groups(ip);
  // ::ffff:192.0.2.1 is an IPv4 client on a dual-stack socket: count it as that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === '0000') && groups[5] === 'ffff') {
    const n = (parseInt(groups[6]!, 16) << 16) | parseInt(groups[7]!, 16);
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
