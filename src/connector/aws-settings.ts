/**
 * AWS SDK client settings from a connector context's environment (the process's in production, a test's in
 * tests): a service endpoint (`AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`), a profile, and static keys.
 * Whatever is not given falls to the SDK's default credential chain.
 */
export interface AwsClientSettings {
  endpoint?: string;
  profile?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

export function awsClientSettings(
  env: Readonly<Record<string, string | undefined>>,
  serviceEnvSuffix: string,
): AwsClientSettings {
  const settings: AwsClientSettings = {};
  const endpoint = env[`AWS_ENDPOINT_URL_${serviceEnvSuffix}`] ?? env.AWS_ENDPOINT_URL;
  if (endpoint) settings.endpoint = endpoint;
  if (env.AWS_PROFILE) settings.profile = env.AWS_PROFILE;
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    settings.credentials = {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
  }
  return settings;
}

export function awsRegion(env: Readonly<Record<string, string | undefined>>): string | undefined {
  return env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
}
