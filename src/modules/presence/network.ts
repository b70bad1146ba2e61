/**
 * 签到网络 (issue 12 §4): a center may allow sign-in and sign-out only from its own networks, a list of CIDR
 * blocks kept per center in the settings. The address judged is the connection's as Fastify gives it
 * (request.ip, with the server's trustProxy), never a header the browser sends.
 */
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../../domain/errors.js';
import { fromJson, toJson } from '../../db/portable.js';
import type { Db } from '../../server/context.js';
import { getSetting, putSetting } from '../settings/repo.js';

const keyOf = (orgId: string) => `attendance.networks.${orgId}`;

/** '::ffff:192.168.1.20' (IPv4 on an IPv6 socket) is 192.168.1.20. */
export const plainAddress = (ip: string): string => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

/** A CIDR block ('192.168.1.0/24', '10.0.0.5', 'fd00::/8') as address and prefix; null when it is not one. */
export function parseCidr(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** Whether `ip` lies in one of `networks` (an empty list allows every address). */
export function allowedFrom(ip: string, networks: readonly string[]): boolean {
  if (networks.length === 0) return true;
  const address = plainAddress(ip);
  const version = isIP(address);
  if (version === 0) return false;
  const list = new BlockList();
  for (const n of networks) {
    const c = parseCidr(n);
    if (c) list.addSubnet(c.address, c.prefix, c.family);
  }
  return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

export const networksOf = async (db: Db, orgId: string): Promise<string[]> => fromJson<string[]>(await getSetting(db, keyOf(orgId)), []);

/** Checks and stores a center's list (an empty list: sign-in from anywhere). */
export async function storeNetworks(db: Db, orgId: string, networks: readonly string[], at: string): Promise<string[]> {
  const clean = [...new Set(networks.map((n) => n.trim()).filter((n) => n !== ''))];
  const bad = clean.filter((n) => parseCidr(n) === null);
  if (bad.length > 0) {
    throw new DomainError(
      'NETWORK_INVALID',
      `“${bad.join('”“')}”不是正确的网络地址。请按 CIDR 格式填写，如 192.168.1.0/24，或单个地址 192.168.1.10。`,
      { errors: bad.map((n) => ({ path: 'networks', message: `${n} 格式不正确` })) },
      400,
    );
  }
  await putSetting(db, keyOf(orgId), toJson(clean), at);
  return clean;
}
