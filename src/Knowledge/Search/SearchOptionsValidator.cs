using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Clinic.Knowledge.Search;

/// <summary>Checks <c>Knowledge:Search</c> at start, each failure naming the setting and its fix.</summary>
public sealed partial class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    private const string See = " See appsettings.sample.json.";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SearchOptions o)
    {
        if (o.Provider == SearchProvider.InProcess)
            return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Endpoint))
            errors.Add("Missing Knowledge:Search:Endpoint. Set it to https://SERVICE.search.windows.net (your Azure AI Search service), or Knowledge:Search:Provider=InProcess." + See);
        else if (!Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme != "https")
            errors.Add("Knowledge:Search:Endpoint must be an https address such as https://SERVICE.search.windows.net (the Azure AI Search client sends keys over https only)." + See);
        if (!IndexNameRule().IsMatch(o.IndexName) || o.IndexName.Contains("--", StringComparison.Ordinal))
            errors.Add($"Knowledge:Search:IndexName '{o.IndexName}' is not a valid Azure AI Search index name: 2-128 lower-case letters, digits and single dashes, starting with a letter or digit." + See);
        if (!o.UseEntraId && string.IsNullOrWhiteSpace(o.ApiKey))
            errors.Add("Missing Knowledge:Search:ApiKey (an admin key). Put it in Key Vault, user secrets or the environment (Knowledge__Search__ApiKey), or set Knowledge:Search:UseEntraId=true." + See);
        if (o.BatchSize is < 1 or > 1000)
            errors.Add("Knowledge:Search:BatchSize must be between 1 and 1000 (Azure's limit per upload request)." + See);
        if (o.Candidates is < 1 or > 1000)
            errors.Add("Knowledge:Search:Candidates must be between 1 and 1000 (Azure's limit per query)." + See);
        if (o.IndexingTimeout < o.Timeout)
            errors.Add("Knowledge:Search:IndexingTimeout must be at least as long as Timeout." + See);
        errors.AddRange(o.Problems(SearchOptions.SectionName));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,126}[a-z0-9]$")]
    private static partial Regex IndexNameRule();
}
