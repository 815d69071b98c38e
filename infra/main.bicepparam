// Sample parameters: copy, change the name and region, and pass secrets on the command line or from Key Vault,
// e.g. az deployment group create -g RG -f infra/main.bicep -p infra/main.bicepparam -p postgresAdminPassword=...
using 'main.bicep'

param name = 'clinicbot'
param appServiceSku = 'P0v3'
param instanceCount = 1
param botSku = 'F0'
param clinicName = 'Ketamine Therapy Clinic'
param postgresAdminLogin = 'clinicbot'
param postgresAdminPassword = readEnvironmentVariable('CLINIC_POSTGRES_PASSWORD')
param staffKey = readEnvironmentVariable('CLINIC_STAFF_KEY', '')
