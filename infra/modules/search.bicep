// Azure AI Search (optional): the vector store for a corpus beyond one machine's memory (Knowledge:Search). The app
// creates its index and uploads the chunks with Entra ID, so key authentication is off.
param name string
param location string
param sku string
param userPrincipalId string

var searchServiceContributor = '7ca78c08-252a-4471-8644-bb5ff32d4ba0' // create and update the index
var searchIndexDataContributor = '8ebe5a00-799e-43f5-93ac-243d3dce84a7' // upload, delete and query documents

resource search 'Microsoft.Search/searchServices@2023-11-01' = {
  name: name
  location: location
  sku: {
    name: sku
  }
  properties: {
    replicaCount: 1
    partitionCount: 1
    hostingMode: 'default'
    publicNetworkAccess: 'enabled'
    disableLocalAuth: true
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [searchServiceContributor, searchIndexDataContributor]: {
    name: guid(search.id, userPrincipalId, role)
    scope: search
    properties: {
      principalId: userPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

output endpoint string = 'https://${search.name}.search.windows.net'
