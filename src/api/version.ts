// The API's version (semver): in every response's API-Version header and in the OpenAPI info. The major
// version is the /v1 in the URLs.
export const API_VERSION = '1.0.0';
export const BASE_PATH = '/v1';
