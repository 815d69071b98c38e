using Microsoft.Extensions.Options;
using Npgsql;

namespace Clinic.Bot.Storage.Hosting;

/// <summary>Fails start-up with the setting to fix, instead of failing on the first visitor's message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(options.Sqlite.Path))
                {
                    failures.Add("Storage:Sqlite:Path is empty. Set it to a file path (relative paths are under the content root), or remove it to use data/clinic-bot.db.");
                }
                if (options.Sqlite.BusyTimeoutMilliseconds is < 1 or > 600_000)
                {
                    failures.Add("Storage:Sqlite:BusyTimeoutMilliseconds must be between 1 and 600000.");
                }
                break;
            case StorageProvider.Postgres:
                ValidatePostgres(options.Postgres.ConnectionString, failures);
                break;
            default:
                failures.Add($"Storage:Provider '{options.Provider}' is not supported. Use Sqlite or Postgres.");
                break;
        }
        if (options.InboundClaimLease <= TimeSpan.Zero || options.InboundClaimLease > TimeSpan.FromHours(1))
        {
            failures.Add("Storage:InboundClaimLease must be more than 0 and at most 01:00:00.");
        }
        if (options.Retention.KeepDays < 1)
        {
            failures.Add("Storage:Retention:KeepDays must be at least 1.");
        }
        if (options.Retention.IntervalHours is <= 0 or > 24 * 30 || double.IsNaN(options.Retention.IntervalHours))
        {
            failures.Add("Storage:Retention:IntervalHours must be more than 0 and at most 720.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(string? connectionString, List<string> failures)
    {
        const string fix = "Set Storage:Postgres:ConnectionString (e.g. the environment variable Storage__Postgres__ConnectionString=\"Host=db;Database=clinic_bot;Username=bot;Password=...\"), or set Storage:Provider to Sqlite.";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            failures.Add("Storage:Provider is Postgres but Storage:Postgres:ConnectionString is missing. " + fix);
            return;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                failures.Add("Storage:Postgres:ConnectionString has no Host. " + fix);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // The parser's message names the offending keyword, never the password.
            failures.Add($"Storage:Postgres:ConnectionString cannot be parsed ({ex.Message}). " + fix);
        }
    }
}
