// The clinic FAQ bot on Azure: App Service (Linux, .NET 10), Azure Bot (Web Chat/Direct Line and Teams),
// Azure OpenAI (chat + embeddings), PostgreSQL flexible server (state and outbox), Key Vault, optionally Azure AI
// Search (searchSku, for a corpus beyond one machine's memory), and one user-assigned managed identity that is the
// bot's identity and the app's key to Key Vault, Azure OpenAI and Azure AI Search.
// Deploy: az deployment group create -g RG -f infra/main.bicep -p infra/main.bicepparam (see README, "Deploy to Azure and Teams").
targetScope = 'resourceGroup'

@description('Short lowercase name used as a prefix for every resource.')
@minLength(3)
@maxLength(12)
param name string = 'clinicbot'

@description('Region for everything except the Bot resource, which is global.')
param location string = resourceGroup().location

@description('Region for Azure OpenAI, where the chosen models have quota.')
param openAiLocation string = location

@description('App Service plan SKU: B1 for a trial, P0v3 or larger for production.')
param appServiceSku string = 'P0v3'

@description('App Service instances (more need a shared Direct Line store; ARR affinity keeps visitors on one).')
@minValue(1)
param instanceCount int = 1

@description('Azure Bot SKU: F0 is free; Teams and Direct Line are standard channels either way.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Chat model for generative answers (Knowledge:Generation).')
param chatModel object = {
  name: 'gpt-4.1-mini'
  version: '2025-04-14'
  deployment: 'chat'
  sku: 'GlobalStandard'
  capacity: 50
}

@description('Embedding model (Knowledge:Embeddings).')
param embeddingModel object = {
  name: 'text-embedding-3-small'
  version: '1'
  deployment: 'embeddings'
  sku: 'Standard'
  capacity: 120
}

@description('Azure AI Search SKU for Knowledge:Search; empty (the default) creates none and the app searches its in-process index.')
@allowed(['', 'basic', 'standard'])
param searchSku string = ''

@description('PostgreSQL administrator login.')
param postgresAdminLogin string = 'clinicbot'

@description('PostgreSQL administrator password (goes to Key Vault inside the connection string).')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('Key for the /staff page (Staff:Key); empty leaves key sign-in off.')
@secure()
param staffKey string = ''

@description('Clinic name shown on the chat page (Web:ClinicName).')
param clinicName string = 'Ketamine Therapy Clinic'

var suffix = uniqueString(resourceGroup().id)
var appName = '${name}-app-${suffix}'
var hostName = '${appName}.azurewebsites.net'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${name}-id-${suffix}'
    location: location
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${name}kv${suffix}', 24)
    location: location
    readerPrincipalId: identity.outputs.principalId
    staffKey: staffKey
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    name: '${name}-oai-${suffix}'
    location: openAiLocation
    userPrincipalId: identity.outputs.principalId
    chatModel: chatModel
    embeddingModel: embeddingModel
  }
}

module search 'modules/search.bicep' = if (!empty(searchSku)) {
  name: 'search'
  params: {
    name: '${name}-srch-${suffix}'
    location: location
    sku: searchSku
    userPrincipalId: identity.outputs.principalId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${name}-pg-${suffix}'
    location: location
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    keyVaultName: vault.outputs.name
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${name}-bot-${suffix}'
    displayName: clinicName
    sku: botSku
    endpoint: 'https://${hostName}/api/messages'
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultName: vault.outputs.name
  }
}

module app 'modules/appservice.bicep' = {
  name: 'appservice'
  params: {
    name: appName
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    keyVaultName: vault.outputs.name
    staffKeySecretName: empty(staffKey) ? '' : vault.outputs.staffKeySecretName
    postgresSecretName: postgres.outputs.connectionStringSecretName
    directLineSecretName: bot.outputs.directLineSecretName
    tokenSigningKeySecretName: vault.outputs.tokenSigningKeySecretName
    openAiEndpoint: openAi.outputs.v1Endpoint
    chatDeployment: openAi.outputs.chatDeployment
    embeddingDeployment: openAi.outputs.embeddingDeployment
    searchEndpoint: search.?outputs.endpoint ?? ''
    clinicName: clinicName
  }
}

@description('The chat page and Bot Framework endpoint host.')
output appHostName string = hostName

@description('Bot:MicrosoftAppId: the managed identity\'s client id, also the Teams manifest\'s bot id (manifest --app-id).')
output botAppId string = identity.outputs.clientId

output botResourceName string = bot.outputs.name
output keyVaultName string = vault.outputs.name
output openAiEndpoint string = openAi.outputs.v1Endpoint
output postgresHost string = postgres.outputs.host

@description('Knowledge:Search:Endpoint, or empty when searchSku is empty.')
output searchEndpoint string = search.?outputs.endpoint ?? ''
