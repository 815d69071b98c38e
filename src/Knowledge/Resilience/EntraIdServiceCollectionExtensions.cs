using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Knowledge.Resilience;

/// <summary>Registers the one Entra ID credential that Azure OpenAI (chat, embeddings) and Azure AI Search calls use when <c>UseEntraId</c> is on.</summary>
public static class EntraIdServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="DefaultAzureCredential"/> unless a <see cref="TokenCredential"/> is already registered: on App Service it is the
    /// managed identity that <c>AZURE_CLIENT_ID</c> names (infra/ sets it), on a developer's machine their Azure CLI sign-in.
    /// Created on first use, so a configuration without Entra ID never touches it.
    /// </summary>
    public static IServiceCollection TryAddEntraIdCredential(this IServiceCollection services)
    {
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        return services;
    }
}
