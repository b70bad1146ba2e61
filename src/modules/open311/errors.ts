/**
 * Open311's own refusals: every failure under /open311/v2/ answers the specification's `errors` document
 * (`<errors><error><code>404</code><description>…</description></error></errors>`) with the HTTP status in `code`,
 * in the format the path asked for, with a Chinese description a third party's developer can act on.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 500 | 503,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join('；'));
    this.name = 'Open311Error';
  }
}

/**
 * A resource without a format GeoReport v2 knows (`services`, `services.txt`): 400 for every method. The path names
 * no format to answer in, so this answer is XML, the format the specification requires every endpoint to offer.
 */
export const noFormat = () =>
  new Open311Error(400, ['请在地址末尾写明格式：.xml 或 .json（如 services.xml、POST requests.json），本接口只提供这两种格式；地址没有写明这两种格式时，本说明按规范默认的 XML 格式给出。']);

export const unknownResource = () =>
  new Open311Error(404, ['没有这个接口。本服务提供 discovery、services、services/{service_code}、requests、requests/{service_request_id}、tokens/{token}，格式为 .xml 或 .json；详见 discovery.xml。']);

export const unknownJurisdiction = (id: string) =>
  new Open311Error(404, [`jurisdiction_id “${id}” 不是本服务的辖区。本服务只服务一个辖区，可不填 jurisdiction_id；详见 discovery.xml。`]);

export const unknownService = (code: string) =>
  new Open311Error(404, [`没有编码为“${code}”的可网上申请事项（service_code）。请先用 services.xml 取得事项列表。`]);

export const invalidApiKey = () =>
  new Open311Error(403, ['api_key 无效或已被吊销。请向县政务服务中心系统管理员申请接口密钥（见 discovery.xml 的 key_service）。']);

export const badParameters = (descriptions: readonly string[]) => new Open311Error(400, descriptions);

export const noPublicUrl = () =>
  new Open311Error(503, ['本服务尚未设置公网地址，暂时无法提供服务发现信息。请联系县政务服务中心系统管理员在“系统设置”中填写公网地址。']);
