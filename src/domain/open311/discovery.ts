/**
 * The GeoReport v2 service discovery document (http://wiki.open311.org/Service_Discovery): who to contact, how to get
 * an api_key, and the one endpoint this server offers. Pure: the caller brings the settings and the public address.
 */
import { FORMAT_MEDIA_TYPES } from './document.js';

export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** Where the endpoint lives under the public address. */
export const OPEN311_PATH = '/open311/v2';

export interface DiscoveryFacts {
  /** the county center that runs the server */
  center: { name: string; address: string | null; phone: string | null };
  supervisionPhone: string | null;
  /** the configured public address (settings or PUBLIC_URL), never the request's Host */
  publicUrl: string;
  /** when the document last changed (ISO 8601 with zone) */
  changeset: string;
  /** when the endpoint last changed: the catalog's last change (ISO 8601 with zone) */
  endpointChangeset: string;
}

export function contactOf(f: Pick<DiscoveryFacts, 'center' | 'supervisionPhone'>): string {
  const parts = [f.center.name];
  if (f.center.address) parts.push(`地址：${f.center.address}`);
  if (f.center.phone) parts.push(`电话：${f.center.phone}`);
  if (f.supervisionPhone) parts.push(`监督电话：${f.supervisionPhone}`);
  return parts.join('；');
}

export function keyServiceOf(f: Pick<DiscoveryFacts, 'center'>): string {
  const where = f.center.address ? `${f.center.name}（${f.center.address}）` : f.center.name;
  const phone = f.center.phone ? `，咨询电话：${f.center.phone}` : '';
  return `api_key 由${f.center.name}的系统管理员发放：请第三方单位持单位介绍信到${where}说明用途和联系人，系统管理员在控制台“系统管理—Open311 接口密钥”中发放，密钥只显示一次，请当场妥善保存；不再使用或泄露时请告知中心吊销${phone}。`;
}

/** The public address joined with the endpoint's path, without a doubled slash. */
export const endpointUrl = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}${OPEN311_PATH}`;

export function discoveryOf(f: DiscoveryFacts) {
  return {
    changeset: f.changeset,
    contact: contactOf(f),
    key_service: keyServiceOf(f),
    endpoints: [
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url: endpointUrl(f.publicUrl),
        changeset: f.endpointChangeset,
        type: 'production',
        formats: [...FORMAT_MEDIA_TYPES],
      },
    ],
  };
}
