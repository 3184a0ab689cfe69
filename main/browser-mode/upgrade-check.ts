/**
 * Who may open the screens' WebSocket: checked on the bare handshake, before anything is
 * accepted, so a refused client never gets a socket to talk into.
 */
import type { IncomingMessage } from 'node:http';
import type { Role } from '../../common/contract.ts';
import { WIRE_PATH } from '../../common/wire.ts';
import { acceptedHost, originAllowed, type HostPolicy } from './host-check.ts';
import { parseTarget } from './request-target.ts';
import { roleOfToken, type RoleTokens } from './tokens.ts';

export type UpgradeVerdict = { role: Role } | { status: 401 | 403 | 404 };

export function checkUpgrade(req: IncomingMessage, policy: HostPolicy, tokens: RoleTokens): UpgradeVerdict {
  const target = parseTarget(req.url);
  if (target === undefined || target.rawPath !== WIRE_PATH) return { status: 404 };
  const host = acceptedHost(policy, req.headers.host);
  if (host === undefined || !originAllowed(req.headers.origin, host)) return { status: 403 };
  const role = roleOfToken(target.query.get('token'), tokens);
  return role === undefined ? { status: 401 } : { role };
}
