using Clinic.Bot.Protocol.Hosting;
using Clinic.Bot.Storage.Hosting;
using Clinic.Bot.Storage.Sql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clinic.Bot.Storage;

/// <summary>Registers the store chosen by <c>Storage:Provider</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IConversationStore"/> and <see cref="IEscalationStore"/> (one shared instance), validated
    /// <see cref="StorageOptions"/>, the store-backed <see cref="IInboundDeduplicator"/>, schema migration at start, the retention purge job, and a "storage" health check
    /// tagged "ready" for /readyz.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddStorage();
        return builder;
    }

    /// <inheritdoc cref="AddStorage(IHostApplicationBuilder)"/>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton<ChatStore>(sp => ChatStoreFactory.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.TryAddSingleton<IConversationStore>(sp => sp.GetRequiredService<ChatStore>());
        services.TryAddSingleton<IEscalationStore>(sp => sp.GetRequiredService<ChatStore>());
        // Replaces the protocol's per-process default whichever of AddStorage and AddBot runs first.
        services.TryAddSingleton<StoreInboundDeduplicator>();
        services.Replace(ServiceDescriptor.Singleton<IInboundDeduplicator>(sp => sp.GetRequiredService<StoreInboundDeduplicator>()));
        services.AddHostedService(sp => sp.GetRequiredService<StoreInboundDeduplicator>());
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<RetentionPurgeService>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }
}
