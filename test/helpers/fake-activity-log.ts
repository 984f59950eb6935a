/**
 * Activity Log events for the fake ARM, in the EventData shape of ActivityLogs_List (api-version 2015-04-01:
 * azure-rest-api-specs specification/monitor/resource-manager/Microsoft.Insights/stable/2015-04-01/activityLogs_API.json,
 * and learn.microsoft.com "Azure Activity Log event schema"): an operation logs a `Started` event and then its
 * outcome (`Succeeded`, `Failed`), each with the caller, the operation name and the HTTP request's client address.
 */
export interface ActivityEventSpec {
  resourceId: string;
  operation: string;
  status: 'Started' | 'Accepted' | 'Succeeded' | 'Failed';
  caller: string;
  time: Date;
  ip?: string;
  eventDataId: string;
}

export function activityEvent(spec: ActivityEventSpec): Record<string, unknown> {
  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(spec.resourceId)?.[1] ?? '';
  const resourceGroupName = /\/resourceGroups\/([^/]+)/i.exec(spec.resourceId)?.[1] ?? '';
  const timestamp = spec.time.toISOString();
  return {
    authorization: { action: spec.operation, scope: spec.resourceId },
    caller: spec.caller,
    channels: 'Operation',
    claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': spec.caller },
    correlationId: `corr-${spec.eventDataId}`,
    description: '',
    eventDataId: spec.eventDataId,
    eventName: {
      value: spec.status === 'Started' ? 'BeginRequest' : 'EndRequest',
      localizedValue: 'Request',
    },
    category: { value: 'Administrative', localizedValue: 'Administrative' },
    eventTimestamp: timestamp,
    id: `${spec.resourceId}/events/${spec.eventDataId}/ticks/${spec.time.getTime()}`,
    level: 'Informational',
    operationId: `op-${spec.eventDataId}`,
    operationName: { value: spec.operation, localizedValue: spec.operation },
    resourceGroupName,
    resourceProviderName: {
      value: spec.operation.split('/')[0],
      localizedValue: spec.operation.split('/')[0],
    },
    resourceType: { value: spec.operation.split('/').slice(0, -1).join('/'), localizedValue: '' },
    resourceId: spec.resourceId,
    status: { value: spec.status, localizedValue: spec.status },
    subStatus: { value: spec.status === 'Succeeded' ? 'OK' : '', localizedValue: '' },
    submissionTimestamp: timestamp,
    subscriptionId,
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    ...(spec.ip
      ? {
          httpRequest: {
            clientRequestId: `req-${spec.eventDataId}`,
            clientIpAddress: spec.ip,
            method: 'PUT',
          },
        }
      : {}),
  };
}
