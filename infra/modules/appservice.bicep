// Linux App Service on .NET 10 running Clinic.Bot.dll. Secrets are Key Vault references resolved with the
// user-assigned identity; setting names are the app's configuration keys with ':' written as '__'.
param name string
param location string
param sku string
param instanceCount int
param identityResourceId string
param identityClientId string
param keyVaultName string
param staffKeySecretName string
param postgresSecretName string
param directLineSecretName string
param tokenSigningKeySecretName string
param openAiEndpoint string
param chatDeployment string
param embeddingDeployment string
@description('Azure AI Search endpoint; empty keeps the in-process index.')
param searchEndpoint string
param clinicName string

var vaultRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='
var staffSettings = empty(staffKeySecretName) ? [] : [
  { name: 'Staff__Key', value: '${vaultRef}${staffKeySecretName})' }
]
var searchSettings = empty(searchEndpoint) ? [] : [
  { name: 'Knowledge__Search__Provider', value: 'AzureAISearch' }
  { name: 'Knowledge__Search__Endpoint', value: searchEndpoint }
  { name: 'Knowledge__Search__UseEntraId', value: 'true' }
]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityResourceId
    // The Direct Line conversations of the built-in channel live in one instance's memory.
    clientAffinityEnabled: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet Clinic.Bot.dll'
      alwaysOn: sku != 'F1' && sku != 'D1'
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/readyz'
      appSettings: concat([
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        // DefaultAzureCredential picks the user-assigned identity by this client id (Azure OpenAI with Entra ID).
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'Bot__MicrosoftAppId', value: identityClientId }
        { name: 'Bot__MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'Bot__MicrosoftAppTenantId', value: tenant().tenantId }
        { name: 'DirectLine__Secret', value: '${vaultRef}${directLineSecretName})' }
        { name: 'DirectLine__TokenSigningKey', value: '${vaultRef}${tokenSigningKeySecretName})' }
        { name: 'DirectLine__PublicBaseUrl', value: 'https://${name}.azurewebsites.net' }
        { name: 'Storage__Provider', value: 'Postgres' }
        { name: 'Storage__Postgres__ConnectionString', value: '${vaultRef}${postgresSecretName})' }
        { name: 'Knowledge__CorpusPath', value: 'corpus' }
        // /home is the plan's persistent share: the index survives restarts and is shared by instances.
        { name: 'Knowledge__IndexPath', value: '/home/data/knowledge.index' }
        { name: 'Knowledge__Embeddings__Provider', value: 'AzureOpenAI' }
        { name: 'Knowledge__Embeddings__Endpoint', value: openAiEndpoint }
        { name: 'Knowledge__Embeddings__Deployment', value: embeddingDeployment }
        { name: 'Knowledge__Embeddings__UseEntraId', value: 'true' }
        { name: 'Knowledge__Generation__Provider', value: 'AzureOpenAI' }
        { name: 'Knowledge__Generation__Endpoint', value: openAiEndpoint }
        { name: 'Knowledge__Generation__Deployment', value: chatDeployment }
        { name: 'Knowledge__Generation__UseEntraId', value: 'true' }
        { name: 'Web__ClinicName', value: clinicName }
      ], staffSettings, searchSettings)
    }
  }
}

output defaultHostName string = site.properties.defaultHostName
