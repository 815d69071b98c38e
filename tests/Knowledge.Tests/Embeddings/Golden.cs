using System.Text.Json;

namespace Clinic.Knowledge.Tests.Embeddings;

/// <summary>Reference outputs of the JavaScript runtime (tools/golden-embeddings), copied next to the tests.</summary>
internal static class Golden
{
    public sealed record Case(string Text, int[] Tokens, float[] Embedding);

    public static readonly IReadOnlyList<Case> Cases = LoadCases();

    public static readonly IReadOnlyList<(string Input, string Expected)> Nfkc = LoadNfkc();

    public static TheoryData<int> CaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Cases.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static JsonDocument Read(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Embeddings", name)));

    private static List<Case> LoadCases()
    {
        using var json = Read("golden-embeddings.json");
        return [.. json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("text").GetString()!,
            [.. c.GetProperty("tokens").EnumerateArray().Select(t => t.GetInt32())],
            [.. c.GetProperty("embedding").EnumerateArray().Select(v => (float)v.GetDouble())]))];
    }

    private static List<(string, string)> LoadNfkc()
    {
        using var json = Read("nfkc-golden.json");
        return [.. json.RootElement.GetProperty("cases").EnumerateArray().Select(c => (c[0].GetString()!, c[1].GetString()!))];
    }
}
