// Key Vault with RBAC: the app's identity may read secrets, nothing more. Other modules add their own secrets.
param name string
param location string
param readerPrincipalId string

@secure()
param staffKey string

@description('Seed of DirectLine:TokenSigningKey, which signs the app\'s own Direct Line tokens. A new one each deployment: tokens issued before a redeployment stop working (a visitor with the chat open reloads the page).')
param tokenSigningKeySeed string = newGuid()

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource staff 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffKey)) {
  parent: vault
  name: 'staff-key'
  properties: {
    value: staffKey
  }
}

// newGuid() is a template's only source of randomness (122 bits); the second GUID pads the key to the 32 bytes the app requires.
resource tokenSigningKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'directline-token-signing-key'
  properties: {
    value: base64('${replace(tokenSigningKeySeed, '-', '')}${replace(guid(vault.id, tokenSigningKeySeed), '-', '')}')
  }
}

output name string = vault.name
output staffKeySecretName string = 'staff-key'
output tokenSigningKeySecretName string = tokenSigningKey.name
